-- Daily and monthly rollups of the period indicators (docs/services/metrics-service.md, "Performance"), so
-- GET /indicators over years reads a few thousand rows instead of millions of facts. They hold exactly
-- what the indicator's Definition (repository/IndicatorRepository) counts, per completion day, team and
-- source; they are filled only by rollup/RollupRefresher, from the facts, for the days marked stale here.
-- Team and source are kept as they are, NULL included, so the groups add up to the unfiltered count.

-- One row per (code, rule set, day, team, source): the items and how many meet the numerator. rule_set
-- is '*' when the indicator's SQL is the same under every rule set.
CREATE TABLE indicator_day (
    fact_table  TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    rule_set    TEXT    NOT NULL,
    day         DATE    NOT NULL,
    team        TEXT,
    source      TEXT,
    items       BIGINT  NOT NULL,
    numerator   BIGINT  NOT NULL
);

-- The sums of indicator_day over each calendar month (month = its first day).
CREATE TABLE indicator_month (LIKE indicator_day);
ALTER TABLE indicator_month RENAME COLUMN day TO month;

-- An indicator with a median (ALLOCATION_TIMELINESS) is kept as a histogram of its working days instead:
-- the items are the sum of n, the numerator is its condition over working_days at query time (so the
-- configured limit can change without a rebuild) and the median comes from the summed histogram.
CREATE TABLE indicator_hist_day (LIKE indicator_day);
ALTER TABLE indicator_hist_day DROP COLUMN items, DROP COLUMN numerator, ADD COLUMN working_days INTEGER,
    ADD COLUMN n BIGINT NOT NULL;

CREATE TABLE indicator_hist_month (LIKE indicator_hist_day);
ALTER TABLE indicator_hist_month RENAME COLUMN day TO month;

-- The refresher replaces a table's days and months; a query reads a range of days or months.
DO $$
DECLARE
    rollup RECORD;
BEGIN
    FOR rollup IN SELECT * FROM (VALUES ('indicator_day', 'day'), ('indicator_month', 'month'),
            ('indicator_hist_day', 'day'), ('indicator_hist_month', 'month')) AS r (name, period) LOOP
        EXECUTE format('CREATE INDEX %I ON %I (fact_table, %I)', rollup.name || '_refresh', rollup.name,
                       rollup.period);
        EXECUTE format('CREATE INDEX %I ON %I (%I)', rollup.name || '_' || rollup.period, rollup.name,
                       rollup.period);
    END LOOP;
END;
$$;

-- Days whose rollups are stale, per fact table, written by the triggers below in the facts' own
-- transaction. Append-only on purpose (no key, no ON CONFLICT): a writer never waits for the refresher or
-- another writer, and a mark is only ever removed by a refresher that could already see it committed, so
-- a change is never left unmarked. Duplicates are harmless.
CREATE TABLE rollup_dirty (
    fact_table  TEXT  NOT NULL,
    day         DATE  NOT NULL
);

-- Cases whose source may have changed: a step without a source of its own takes its case's, so the
-- refresher marks the completion days of these cases' steps stale too.
CREATE TABLE rollup_dirty_case (
    case_id  UUID  NOT NULL
);

-- Marks the old and new values of the period columns (the trigger's arguments) of every row a statement
-- touched. One function for every fact table; PostgreSQL wants one trigger per event when transition
-- tables are used, hence three triggers per table.
CREATE FUNCTION rollup_mark_days() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    col TEXT;
    parts TEXT[] := '{}';
BEGIN
    FOREACH col IN ARRAY TG_ARGV LOOP
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            parts := parts || format('SELECT %I FROM rollup_new', col);
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            parts := parts || format('SELECT %I FROM rollup_old', col);
        END IF;
    END LOOP;
    EXECUTE format('INSERT INTO rollup_dirty (fact_table, day) SELECT DISTINCT %L, d FROM (%s) AS changed (d) '
                   || 'WHERE d IS NOT NULL ORDER BY 2', TG_TABLE_NAME, array_to_string(parts, ' UNION ALL '));
    RETURN NULL;
END;
$$;

-- A case inserted, deleted, or whose source changed: its steps' rollups follow.
CREATE FUNCTION rollup_mark_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO rollup_dirty_case (case_id) SELECT case_id FROM rollup_new WHERE source IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO rollup_dirty_case (case_id) SELECT case_id FROM rollup_old WHERE source IS NOT NULL;
    ELSE
        INSERT INTO rollup_dirty_case (case_id)
        SELECT n.case_id FROM rollup_new n LEFT JOIN rollup_old o ON o.case_id = n.case_id
        WHERE o.case_id IS NULL OR n.source IS DISTINCT FROM o.source
        UNION
        SELECT o.case_id FROM rollup_old o LEFT JOIN rollup_new n ON n.case_id = o.case_id
        WHERE n.case_id IS NULL AND o.source IS NOT NULL;
    END IF;
    RETURN NULL;
END;
$$;

-- TRUNCATE (the rebuild, service/FactRebuild) empties the table's rollups with it; emptying case_fact
-- takes every step's source away, so every day of the other tables is marked stale.
CREATE FUNCTION rollup_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM indicator_day WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_month WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_hist_day WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_hist_month WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM rollup_dirty WHERE fact_table = TG_TABLE_NAME;
    IF TG_TABLE_NAME = 'case_fact' THEN
        INSERT INTO rollup_dirty (fact_table, day)
        SELECT DISTINCT fact_table, day FROM indicator_day WHERE fact_table <> 'case_fact'
        UNION SELECT DISTINCT fact_table, day FROM indicator_hist_day WHERE fact_table <> 'case_fact';
    END IF;
    RETURN NULL;
END;
$$;

-- The period columns of each table's Definitions (RollupTriggersTest holds these lists to them).
DO $$
DECLARE
    spec RECORD;
BEGIN
    FOR spec IN SELECT * FROM (VALUES
            ('contact_fact', '''received_date'', ''decided_date'''),
            ('case_fact', '''referral_date'', ''closed_date'', ''first_allocated_date'''),
            ('assessment_fact', '''completed_date'''),
            ('section47_fact', '''completed_date'''),
            ('conference_fact', '''held_date'''),
            ('cp_plan_fact', '''start_date'', ''end_date''')) AS t (fact_table, columns) LOOP
        EXECUTE format('CREATE TRIGGER rollup_mark_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS rollup_new '
                       || 'FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_days(%s)', spec.fact_table, spec.columns);
        EXECUTE format('CREATE TRIGGER rollup_mark_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS rollup_old '
                       || 'NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_days(%s)',
                       spec.fact_table, spec.columns);
        EXECUTE format('CREATE TRIGGER rollup_mark_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS rollup_old '
                       || 'FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_days(%s)', spec.fact_table, spec.columns);
        EXECUTE format('CREATE TRIGGER rollup_truncated AFTER TRUNCATE ON %I '
                       || 'FOR EACH STATEMENT EXECUTE FUNCTION rollup_truncated()', spec.fact_table);
    END LOOP;
END;
$$;

CREATE TRIGGER rollup_mark_cases_insert AFTER INSERT ON case_fact REFERENCING NEW TABLE AS rollup_new
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_cases();
CREATE TRIGGER rollup_mark_cases_update AFTER UPDATE ON case_fact REFERENCING OLD TABLE AS rollup_old
    NEW TABLE AS rollup_new FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_cases();
CREATE TRIGGER rollup_mark_cases_delete AFTER DELETE ON case_fact REFERENCING OLD TABLE AS rollup_old
    FOR EACH STATEMENT EXECUTE FUNCTION rollup_mark_cases();

-- The refresher finds a changed case's steps by case.
CREATE INDEX IF NOT EXISTS rollup_section47_case ON section47_fact (case_id);
CREATE INDEX IF NOT EXISTS rollup_conference_case ON conference_fact (case_id);
CREATE INDEX IF NOT EXISTS rollup_cp_plan_case ON cp_plan_fact (case_id);
