package org.frontdoor.metrics.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.metrics.domain.AssessmentClock;
import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorItem;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.IndicatorUnit;
import org.frontdoor.metrics.domain.LocalTargets;
import org.frontdoor.metrics.domain.Median;

/**
 * Answers the period indicators of DOMAIN.md §5 with SQL over the fact tables. Each indicator is one
 * {@link Definition}: the items it counts (a table, the completion date that puts an item in the period,
 * a condition) and the numerator's condition over them. The number is {@code COUNT(*)} and
 * {@code COUNT(*) FILTER (numerator)} over exactly the rows the item list returns, so the two cannot
 * disagree; indicators over the same rows share one scan. Snapshot indicators are read by
 * {@link SnapshotRepository}.
 */
@ApplicationScoped
public class IndicatorRepository {

    /**
     * One period indicator. Expressions may use {@code {rs}} (the rule set's column suffix) and the limits
     * {@code {decisionLimit}}, {@code {allocationLimit}}, {@code {assessmentLimit}} and {@code {icpcLimit}}.
     *
     * @param ownSource whether the table has its own {@code source}; a step takes its case's
     * @param measures  further aggregates over the same rows, by measure name
     */
    public record Definition(IndicatorCode code, String table, String id, String period, String where, String anchor,
            String done, String workingDays, String inTimescale, String numerator, boolean ownSource,
            Map<String, String> measures) {

        public String scanKey() {
            return table + "|" + period + "|" + where;
        }
    }

    private static final String ICPC = "kind = 'INITIAL' AND NOT transfer_in";
    private static final String ICPC_IN_TIME = "COALESCE(working_days <= {icpcLimit}, false)";

    static final Map<IndicatorCode, Definition> PERIOD = new EnumMap<>(IndicatorCode.class);

    static {
        define(IndicatorCode.CONTACTS, "contact_fact", "contact_id", "received_date", "true", "received_date",
                "decided_date", "decision_working_days", "decision_working_days <= {decisionLimit}", "true", true);
        for (IndicatorCode code : List.of(IndicatorCode.CONTACT_DECISION_TIMELINESS, IndicatorCode.CONTACT_CONVERSION,
                IndicatorCode.DECISION_RATIONALE)) {
            define(code, "contact_fact", "contact_id", "decided_date", "true", "received_date", "decided_date",
                    "decision_working_days", "decision_working_days <= {decisionLimit}",
                    switch (code) {
                        case CONTACT_DECISION_TIMELINESS -> "decision_working_days <= {decisionLimit}";
                        case CONTACT_CONVERSION -> "outcome = 'REFERRAL'";
                        default -> "rationale_recorded";
                    }, true);
        }
        define(IndicatorCode.REFERRALS, "case_fact", "case_id", "referral_date", "opened_at IS NOT NULL",
                "referral_date", "referral_date", "NULL::integer", "NULL::boolean", "true", true);
        define(IndicatorCode.RE_REFERRALS, "case_fact", "case_id", "referral_date", "opened_at IS NOT NULL",
                "referral_date", "referral_date", "NULL::integer", "NULL::boolean",
                "re_referral OR previous_referrals_12_months > 0", true);
        define(IndicatorCode.REFERRAL_NFA, "case_fact", "case_id", "closed_date", "true", "referral_date",
                "closed_date", "NULL::integer", "NULL::boolean", "no_further_step", true);
        define(IndicatorCode.ALLOCATION_TIMELINESS, "case_fact", "case_id", "first_allocated_date", "true",
                "referral_date", "first_allocated_date", "allocation_working_days",
                "allocation_working_days <= {allocationLimit}", "allocation_working_days <= {allocationLimit}", true,
                Map.of(IndicatorRules.MEDIAN_WORKING_DAYS,
                        "percentile_cont(0.5) WITHIN GROUP (ORDER BY allocation_working_days)"));
        define(IndicatorCode.ASSESSMENT_TIMELINESS, "assessment_fact", "assessment_id", "completed_date", "true",
                "anchor_{rs}", "completed_date", "working_days_{rs}", "working_days_{rs} <= {assessmentLimit}",
                "working_days_{rs} <= {assessmentLimit}", false);
        define(IndicatorCode.S47_TO_ICPC, "section47_fact", "section47_id", "completed_date", "true",
                "strategy_discussion_date", "completed_date", "NULL::integer", "NULL::boolean",
                "outcome = 'ICPC_REQUIRED'", false);
        define(IndicatorCode.ICPC_TIMELINESS, "conference_fact", "conference_id", "held_date", ICPC,
                "strategy_discussion_date", "held_date", "working_days", ICPC_IN_TIME, ICPC_IN_TIME, false);
        define(IndicatorCode.ICPC_TO_PLAN, "conference_fact", "conference_id", "held_date", ICPC,
                "strategy_discussion_date", "held_date", "working_days", ICPC_IN_TIME, "outcome = 'CP_PLAN'", false);
        define(IndicatorCode.REPEAT_CP_PLANS, "cp_plan_fact", "cp_plan_id", "start_date", "true", "start_date",
                "start_date", "NULL::integer", "NULL::boolean", "repeat_reported OR earlier_plan", false);
        define(IndicatorCode.CP_PLANS_2_YEARS, "cp_plan_fact", "cp_plan_id", "end_date", "true", "start_date",
                "end_date", "NULL::integer", "NULL::boolean", "lasted_two_years", false);
    }

    private static void define(IndicatorCode code, String table, String id, String period, String where,
            String anchor, String done, String workingDays, String inTimescale, String numerator, boolean ownSource) {
        define(code, table, id, period, where, anchor, done, workingDays, inTimescale, numerator, ownSource, Map.of());
    }

    private static void define(IndicatorCode code, String table, String id, String period, String where,
            String anchor, String done, String workingDays, String inTimescale, String numerator, boolean ownSource,
            Map<String, String> measures) {
        PERIOD.put(code, new Definition(code, table, id, period, where, anchor, done, workingDays, inTimescale,
                numerator, ownSource, measures));
    }

    /** Every period indicator's definition, in DOMAIN.md §5 order (the rollups are generated from them). */
    public static List<Definition> periodDefinitions() {
        return List.copyOf(PERIOD.values());
    }

    private final EntityManager entityManager;

    public IndicatorRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The period indicators asked for, one scan per group of indicators over the same rows. */
    public Map<IndicatorCode, Indicator> aggregate(List<IndicatorCode> codes, IndicatorFilter filter,
            LocalTargets targets) {
        Map<String, List<Definition>> scans = new LinkedHashMap<>();
        for (IndicatorCode code : codes) {
            Definition definition = PERIOD.get(code);
            if (definition != null) {
                scans.computeIfAbsent(definition.scanKey(), key -> new ArrayList<>()).add(definition);
            }
        }
        Map<IndicatorCode, Indicator> answers = new EnumMap<>(IndicatorCode.class);
        for (List<Definition> scan : scans.values()) {
            Definition first = scan.get(0);
            StringBuilder select = new StringBuilder("SELECT count(*)");
            for (Definition definition : scan) {
                select.append(", count(*) FILTER (WHERE ").append(bool(definition.numerator())).append(")");
                for (String measure : definition.measures().values()) {
                    select.append(", ").append(measure);
                }
            }
            StringBuilder sql = new StringBuilder(render(select.toString(), filter, targets));
            Query query = where(sql, first, filter, targets);
            Object[] row = (Object[]) query.getSingleResult();
            long denominator = ((Number) row[0]).longValue();
            int column = 1;
            for (Definition definition : scan) {
                long numerator = ((Number) row[column++]).longValue();
                Indicator indicator = definition.code().unit() == IndicatorUnit.COUNT
                        ? Indicator.count(definition.code(), denominator)
                        : Indicator.ratio(definition.code(), numerator, denominator);
                for (String measure : definition.measures().keySet()) {
                    Object value = row[column++];
                    indicator = indicator.with(measure,
                            Median.of(value == null ? null : ((Number) value).doubleValue()));
                }
                answers.put(definition.code(), indicator);
            }
        }
        return answers;
    }

    /** A page of the items behind a period indicator, in completion date order. */
    public List<IndicatorItem> items(IndicatorCode code, IndicatorFilter filter, LocalTargets targets, long offset,
            int limit) {
        Definition definition = PERIOD.get(code);
        String select = "SELECT " + definition.id() + "::text, child_ref, team, " + definition.anchor() + ", "
                + definition.done() + ", " + definition.workingDays() + ", " + definition.inTimescale() + ", "
                + bool(definition.numerator());
        StringBuilder sql = new StringBuilder(render(select, filter, targets));
        String order = " ORDER BY COALESCE(" + definition.done() + ", " + definition.anchor() + ") NULLS FIRST, "
                + definition.id() + "::text COLLATE \"C\" LIMIT " + limit + " OFFSET " + offset;
        Query query = where(sql, definition, filter, targets, render(order, filter, targets));
        List<IndicatorItem> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            items.add(new IndicatorItem((String) columns[0], (String) columns[1], (String) columns[2],
                    StepFactRepository.toDate(columns[3]), StepFactRepository.toDate(columns[4]),
                    columns[5] == null ? null : ((Number) columns[5]).intValue(), (Boolean) columns[6],
                    (Boolean) columns[7]));
        }
        return items;
    }

    private Query where(StringBuilder sql, Definition definition, IndicatorFilter filter, LocalTargets targets) {
        return where(sql, definition, filter, targets, "");
    }

    private Query where(StringBuilder sql, Definition definition, IndicatorFilter filter, LocalTargets targets,
            String tail) {
        sql.append(" FROM ").append(definition.table()).append(" WHERE ").append(definition.period())
                .append(" BETWEEN :from AND :to AND ").append(render(definition.where(), filter, targets));
        if (filter.team() != null) {
            sql.append(" AND team = :team");
        }
        if (filter.source() != null) {
            sql.append(definition.ownSource() ? " AND source = :source"
                    : " AND case_id IN (SELECT case_id FROM case_fact WHERE source = :source)");
        }
        sql.append(tail);
        Query query = entityManager.createNativeQuery(sql.toString())
                .setParameter("from", filter.from())
                .setParameter("to", filter.to());
        if (filter.team() != null) {
            query.setParameter("team", filter.team());
        }
        if (filter.source() != null) {
            query.setParameter("source", filter.source());
        }
        return query;
    }

    private static String bool(String condition) {
        return "COALESCE((" + condition + "), false)";
    }

    /** Fills in the rule set's columns and the clock limits: numbers from configuration, never from a request. */
    public static String render(String sql, IndicatorFilter filter, LocalTargets targets) {
        RuleSet ruleSet = filter.ruleSet();
        StringBuilder assessmentLimit = new StringBuilder("CASE kind");
        for (AssessmentKind kind : AssessmentKind.values()) {
            assessmentLimit.append(" WHEN '").append(kind.name()).append("' THEN ")
                    .append(AssessmentClock.limit(ruleSet, kind));
        }
        assessmentLimit.append(" END");
        return sql.replace("{rs}", ruleSetColumn(ruleSet))
                .replace("{decisionLimit}", Integer.toString(filter.contactDecisionLimit()))
                .replace("{allocationLimit}", Integer.toString(targets.allocationWorkingDays()))
                .replace("{assessmentLimit}", assessmentLimit)
                .replace("{icpcLimit}", Integer.toString(RuleSets.ICPC.limit()));
    }

    /** The suffix of the fact columns worked out under a rule set ({@code wt2023}, {@code wt2010}). */
    public static String ruleSetColumn(RuleSet ruleSet) {
        String suffix = ruleSet.name().toLowerCase(java.util.Locale.ROOT);
        if (!suffix.matches("^wt\\d{4}$")) {
            throw new IllegalArgumentException("no fact columns for rule set " + ruleSet.name());
        }
        return suffix;
    }

    /**
     * An open item's clock.
     *
     * @param dueDate the stored due date, or null when it is {@code limit} working days after the anchor
     */
    public record OpenClock(String id, String childRef, String team, LocalDate anchorDate, LocalDate dueDate,
            int limit) {
    }

    /**
     * The open items of a clocked period indicator that could run out by {@code until}: undecided contacts,
     * cases never allocated, open assessments, enquiries waiting for their initial conference.
     */
    public List<OpenClock> openClocks(IndicatorCode code, String team, RuleSet ruleSet, LocalDate today,
            LocalDate until, LocalTargets targets) {
        String teamCondition = team == null ? "" : " AND team = :team";
        String sql;
        int limit = 0;
        switch (code) {
            case CONTACT_DECISION_TIMELINESS -> {
                sql = "SELECT contact_id::text, child_ref, team, received_date, NULL::date FROM contact_fact "
                        + "WHERE decided_at IS NULL" + teamCondition;
                limit = ruleSet.rule(RuleSets.CONTACT_DECISION.name()).limit();
            }
            case ALLOCATION_TIMELINESS -> {
                sql = "SELECT case_id::text, child_ref, team, referral_date, NULL::date FROM case_fact "
                        + "WHERE closed_date IS NULL AND opened_at IS NOT NULL AND first_allocated_at IS NULL"
                        + teamCondition;
                limit = targets.allocationWorkingDays();
            }
            case ASSESSMENT_TIMELINESS, ASSESSMENTS_OVERDUE -> {
                String rs = ruleSetColumn(ruleSet);
                sql = "SELECT assessment_id::text, child_ref, team, anchor_" + rs + ", due_" + rs
                        + " FROM assessment_fact WHERE completed_date IS NULL AND due_" + rs
                        + " BETWEEN :today AND :until" + teamCondition;
            }
            case ICPC_TIMELINESS -> sql = """
                    SELECT s.section47_id::text, s.child_ref, s.team, s.strategy_discussion_date, s.icpc_due_by
                    FROM section47_fact s
                    WHERE s.outcome IS DISTINCT FROM 'NO_ICPC' AND s.icpc_due_by BETWEEN :today AND :until
                      AND NOT EXISTS (SELECT 1 FROM conference_fact c
                                      WHERE c.section47_id = s.section47_id AND c.kind = 'INITIAL')
                    """ + (team == null ? "" : " AND s.team = :team");
            default -> throw new IllegalArgumentException(code + " has no open clocks here");
        }
        Query query = entityManager.createNativeQuery(sql);
        if (sql.contains(":today")) {
            query.setParameter("today", today).setParameter("until", until);
        }
        if (team != null) {
            query.setParameter("team", team);
        }
        List<OpenClock> open = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] c = (Object[]) row;
            open.add(new OpenClock((String) c[0], (String) c[1], (String) c[2], StepFactRepository.toDate(c[3]),
                    StepFactRepository.toDate(c[4]), limit));
        }
        return open;
    }
}
