-- CASELOAD as at a past date needs the workers as they were then (team, FTE, case holding, own threshold),
-- not as they are now: worker_fact keeps every worker.updated, one row per worker and occurredAt, and a
-- snapshot reads each worker's latest row up to the end of its date. The row each worker had becomes its
-- first: until a rebuild replays the topic, nothing earlier is known of it.
ALTER TABLE worker_fact DROP CONSTRAINT worker_fact_pkey;
ALTER TABLE worker_fact ADD PRIMARY KEY (worker_id, updated_at);
