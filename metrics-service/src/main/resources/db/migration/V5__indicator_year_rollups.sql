-- Yearly rollups above the monthly ones (docs/services/metrics-service.md, "Performance"): a period of several
-- years reads its whole years from here, the whole months outside them from indicator_month, the days outside
-- those from indicator_day. Filled only by rollup/RollupRefresher, from the month rows, whenever it replaces
-- the months of a year.
CREATE TABLE indicator_year (LIKE indicator_month);
ALTER TABLE indicator_year RENAME COLUMN month TO year;
CREATE TABLE indicator_hist_year (LIKE indicator_hist_month);
ALTER TABLE indicator_hist_year RENAME COLUMN month TO year;
CREATE INDEX indicator_year_refresh ON indicator_year (fact_table, year);
CREATE INDEX indicator_year_year ON indicator_year (year);
CREATE INDEX indicator_hist_year_refresh ON indicator_hist_year (fact_table, year);
CREATE INDEX indicator_hist_year_year ON indicator_hist_year (year);

-- What is there already.
INSERT INTO indicator_year (fact_table, code, rule_set, year, team, source, items, numerator)
SELECT fact_table, code, rule_set, date_trunc('year', month)::date, team, source, sum(items), sum(numerator)
FROM indicator_month GROUP BY fact_table, code, rule_set, date_trunc('year', month)::date, team, source;
INSERT INTO indicator_hist_year (fact_table, code, rule_set, year, team, source, working_days, n)
SELECT fact_table, code, rule_set, date_trunc('year', month)::date, team, source, working_days, sum(n)
FROM indicator_hist_month
GROUP BY fact_table, code, rule_set, date_trunc('year', month)::date, team, source, working_days;

-- TRUNCATE of a fact table (the rebuild) empties its year rows too.
CREATE OR REPLACE FUNCTION rollup_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM indicator_day WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_month WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_year WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_hist_day WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_hist_month WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM indicator_hist_year WHERE fact_table = TG_TABLE_NAME;
    DELETE FROM rollup_dirty WHERE fact_table = TG_TABLE_NAME;
    IF TG_TABLE_NAME = 'case_fact' THEN
        INSERT INTO rollup_dirty (fact_table, day)
        SELECT DISTINCT fact_table, day FROM indicator_day WHERE fact_table <> 'case_fact'
        UNION SELECT DISTINCT fact_table, day FROM indicator_hist_day WHERE fact_table <> 'case_fact';
    END IF;
    RETURN NULL;
END;
$$;
