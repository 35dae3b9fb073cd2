-- ASSESSMENTS_OVERDUE at the end of each month (docs/services/metrics-service.md, "Performance"), so a snapshot
-- as at a month end (a monthly period, each step of a monthly series) reads a few counts instead of every
-- assessment completed after it. Kept by rollup/AssessmentMonthEnds: a month end is counted again from the
-- facts when an assessment open at it (started by it, not completed by it) is written, or its case changes
-- source; a month that has ended is counted once it has. Every month end from the first assessment's start
-- to assessment_month_end_kept.last_month_end; a month end with nothing open has no rows.
-- Source is the case's, '' when the case has none or is not known yet, so the groups add up to the whole.
CREATE TABLE assessment_month_end (
    month_end  DATE    NOT NULL,
    rule_set   TEXT    NOT NULL,
    team       TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    overdue    BIGINT  NOT NULL,
    due_soon   BIGINT  NOT NULL,
    PRIMARY KEY (month_end, rule_set, team, source)
);

CREATE TABLE assessment_month_end_kept (
    id              INTEGER  PRIMARY KEY CHECK (id = 1),
    last_month_end  DATE     NOT NULL
);

-- The days over which written assessments were open, [first_day, last_day): every month end in them is
-- counted again. Append-only, like the other marks: writers never wait for each other or the refresher.
CREATE TABLE assessment_month_end_dirty (
    first_day  DATE  NOT NULL,
    last_day   DATE  NOT NULL
);

-- The old and new open days of every assessment a statement touched.
CREATE FUNCTION assessment_month_end_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO assessment_month_end_dirty (first_day, last_day)
        SELECT DISTINCT started_date, COALESCE(completed_date, 'infinity') FROM month_end_new;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO assessment_month_end_dirty (first_day, last_day)
        SELECT DISTINCT started_date, COALESCE(completed_date, 'infinity') FROM month_end_old;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER assessment_month_end_mark_insert AFTER INSERT ON assessment_fact
    REFERENCING NEW TABLE AS month_end_new FOR EACH STATEMENT EXECUTE FUNCTION assessment_month_end_mark();
CREATE TRIGGER assessment_month_end_mark_update AFTER UPDATE ON assessment_fact
    REFERENCING OLD TABLE AS month_end_old NEW TABLE AS month_end_new
    FOR EACH STATEMENT EXECUTE FUNCTION assessment_month_end_mark();
CREATE TRIGGER assessment_month_end_mark_delete AFTER DELETE ON assessment_fact
    REFERENCING OLD TABLE AS month_end_old FOR EACH STATEMENT EXECUTE FUNCTION assessment_month_end_mark();

-- TRUNCATE (the rebuild) of the assessments or the cases: every month end is counted again.
CREATE FUNCTION assessment_month_end_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE assessment_month_end, assessment_month_end_kept, assessment_month_end_dirty;
    RETURN NULL;
END;
$$;

CREATE TRIGGER assessment_month_end_truncated AFTER TRUNCATE ON assessment_fact
    FOR EACH STATEMENT EXECUTE FUNCTION assessment_month_end_truncated();
CREATE TRIGGER assessment_month_end_truncated AFTER TRUNCATE ON case_fact
    FOR EACH STATEMENT EXECUTE FUNCTION assessment_month_end_truncated();
