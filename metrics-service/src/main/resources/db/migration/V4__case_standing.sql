-- Where each case stood on each day (docs/services/metrics-service.md, "Performance"), so the snapshot
-- indicators (UNALLOCATED, CASELOAD) as at any date read the few rows holding on that date instead of
-- probing every open case's allocations. Filled only by rollup/RollupRefresher from case_fact,
-- allocation_fact and deallocation_fact, for the cases the triggers below mark; the refresher runs before
-- every snapshot answer, so an answer is exact as of its read.

-- One row per stretch of days over which an opened case stood still: waiting (worker_id null) since
-- `since`, or allocated to worker_id on `since`. It holds at the end of every day d with
-- valid_from <= d < valid_to; valid_to is 'infinity' while it holds. The stretches of a case cover the days
-- it was open, from its referral date up to (not including) its closure date.
CREATE TABLE case_standing (
    case_id     UUID  NOT NULL,
    valid_from  DATE  NOT NULL,
    valid_to    DATE  NOT NULL,
    -- The case's own team and source, for the filters.
    team        TEXT  NOT NULL,
    source      TEXT,
    worker_id   TEXT,
    since       DATE  NOT NULL,
    CHECK (valid_from < valid_to)
);
CREATE INDEX case_standing_case ON case_standing (case_id);
-- A snapshot reads the stretches still holding after its date, which are few for recent dates: an
-- index-only scan (after VACUUM) for any team or source.
CREATE INDEX case_standing_holding ON case_standing (valid_to, valid_from) INCLUDE (team, source, worker_id, since);

-- Cases whose standing may have changed, written by the triggers below in the facts' own transaction.
-- Append-only, like rollup_dirty: writers never wait for each other or for the refresher.
CREATE TABLE case_standing_dirty (
    case_id  UUID  NOT NULL
);

-- A case inserted, deleted, or whose opening, dates, team or source changed.
CREATE FUNCTION case_standing_mark_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO case_standing_dirty (case_id) SELECT case_id FROM standing_new WHERE opened_at IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO case_standing_dirty (case_id) SELECT case_id FROM standing_old WHERE opened_at IS NOT NULL;
    ELSE
        INSERT INTO case_standing_dirty (case_id)
        SELECT n.case_id FROM standing_new n LEFT JOIN standing_old o ON o.case_id = n.case_id
        WHERE o.case_id IS NULL
           OR (n.opened_at IS NULL) <> (o.opened_at IS NULL) OR n.referral_date IS DISTINCT FROM o.referral_date
           OR n.closed_date IS DISTINCT FROM o.closed_date OR n.team IS DISTINCT FROM o.team
           OR n.source IS DISTINCT FROM o.source
        UNION ALL
        SELECT o.case_id FROM standing_old o LEFT JOIN standing_new n ON n.case_id = o.case_id
        WHERE n.case_id IS NULL;
    END IF;
    RETURN NULL;
END;
$$;

-- An allocation or deallocation inserted, changed or deleted.
CREATE FUNCTION case_standing_mark_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO case_standing_dirty (case_id) SELECT DISTINCT case_id FROM standing_new;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO case_standing_dirty (case_id) SELECT DISTINCT case_id FROM standing_old;
    END IF;
    RETURN NULL;
END;
$$;

-- TRUNCATE (the rebuild, service/FactRebuild): the standings start again from what is left.
CREATE FUNCTION case_standing_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_standing, case_standing_dirty;
    INSERT INTO case_standing_dirty (case_id) SELECT case_id FROM case_fact WHERE opened_at IS NOT NULL;
    RETURN NULL;
END;
$$;

CREATE TRIGGER case_standing_mark_insert AFTER INSERT ON case_fact REFERENCING NEW TABLE AS standing_new
    FOR EACH STATEMENT EXECUTE FUNCTION case_standing_mark_cases();
CREATE TRIGGER case_standing_mark_update AFTER UPDATE ON case_fact REFERENCING OLD TABLE AS standing_old
    NEW TABLE AS standing_new FOR EACH STATEMENT EXECUTE FUNCTION case_standing_mark_cases();
CREATE TRIGGER case_standing_mark_delete AFTER DELETE ON case_fact REFERENCING OLD TABLE AS standing_old
    FOR EACH STATEMENT EXECUTE FUNCTION case_standing_mark_cases();

DO $$
DECLARE
    moves TEXT;
BEGIN
    FOREACH moves IN ARRAY ARRAY['allocation_fact', 'deallocation_fact'] LOOP
        EXECUTE format('CREATE TRIGGER case_standing_mark_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS '
                       || 'standing_new FOR EACH STATEMENT EXECUTE FUNCTION case_standing_mark_moves()', moves);
        EXECUTE format('CREATE TRIGGER case_standing_mark_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS '
                       || 'standing_old NEW TABLE AS standing_new FOR EACH STATEMENT '
                       || 'EXECUTE FUNCTION case_standing_mark_moves()', moves);
        EXECUTE format('CREATE TRIGGER case_standing_mark_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS '
                       || 'standing_old FOR EACH STATEMENT EXECUTE FUNCTION case_standing_mark_moves()', moves);
    END LOOP;
    FOREACH moves IN ARRAY ARRAY['case_fact', 'allocation_fact', 'deallocation_fact'] LOOP
        EXECUTE format('CREATE TRIGGER case_standing_truncated AFTER TRUNCATE ON %I '
                       || 'FOR EACH STATEMENT EXECUTE FUNCTION case_standing_truncated()', moves);
    END LOOP;
END;
$$;

-- What is there already.
INSERT INTO case_standing_dirty (case_id) SELECT case_id FROM case_fact WHERE opened_at IS NOT NULL;

-- ASSESSMENTS_OVERDUE as at a date reads the assessments still open after it from the index alone.
CREATE INDEX assessment_fact_open_at ON assessment_fact (completed_date)
    INCLUDE (started_date, due_wt2023, due_wt2010, team, case_id);
