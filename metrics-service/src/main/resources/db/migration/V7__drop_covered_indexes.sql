-- Each of these is the leading part of a covering index V2 added with the same key and predicate
-- (contact_fact_received_cover, contact_fact_decided_cover), which the planner prefers: they only cost every
-- contact write two more index entries (issue 6: the consumer's catch-up is bound by PostgreSQL's writes).
DROP INDEX IF EXISTS contact_fact_received;
DROP INDEX IF EXISTS contact_fact_decided;
