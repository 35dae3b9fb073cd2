-- How many open cases stood where at the end of each month (docs/services/metrics-service.md, "Performance"), so
-- a snapshot as at a month end (the end of a monthly period, each step of a monthly series) reads a few hundred
-- counts instead of every stretch holding then. Kept by rollup/CaseStandings from case_standing: when a case's
-- stretches change, each month end they covered loses the old ones' counts and gains the new ones'; when a
-- month ends, its counts are added. Every month end from 2000-01-31 to standing_month_end_kept.last_month_end.
-- The group has no NULLs, so it is a plain unique key: source '' when the case has none, worker_id '' for a
-- case waiting for a worker, since the date it waits since, or -infinity for a held case.
CREATE TABLE standing_month_end (
    month_end  DATE    NOT NULL,
    team       TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    worker_id  TEXT    NOT NULL,
    since      DATE    NOT NULL,
    n          BIGINT  NOT NULL,
    PRIMARY KEY (month_end, team, source, worker_id, since)
);

CREATE TABLE standing_month_end_kept (
    id              INTEGER  PRIMARY KEY CHECK (id = 1),
    last_month_end  DATE     NOT NULL
);

-- TRUNCATE of the facts (the rebuild): the standings and their counts start again from what is left.
CREATE OR REPLACE FUNCTION case_standing_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE case_standing, case_standing_dirty, standing_month_end, standing_month_end_kept;
    INSERT INTO case_standing_dirty (case_id) SELECT case_id FROM case_fact WHERE opened_at IS NOT NULL;
    RETURN NULL;
END;
$$;
