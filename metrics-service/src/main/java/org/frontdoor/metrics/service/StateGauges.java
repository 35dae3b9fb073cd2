package org.frontdoor.metrics.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.jboss.logging.Logger;

/**
 * The current-state gauges alert rules watch (ARCHITECTURE.md §6), one series per team: contacts awaiting
 * a decision and those past their due date, open assessments overdue and due within 10 WD, and S47
 * enquiries past their ICPC due date with no initial conference. They are re-read from the fact tables
 * on a timer, so a scrape never waits on the database and the values survive restarts. A team once seen
 * stays at 0 rather than vanishing, so "absent" never means "fine". Due dates are the WT2023 ones.
 */
@Startup
@Singleton
public class StateGauges {

    private static final Logger LOG = Logger.getLogger(StateGauges.class);

    /** The dates a gauge's query takes, in order. */
    private enum Day { TODAY, IN_10_WORKING_DAYS }

    /** A gauge and the query that gives its value by team. */
    private record Gauge(String name, String sql, List<Day> parameters, MultiGauge meter) {
    }

    private final DataSource dataSource;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final List<Gauge> gauges = new ArrayList<>();
    private final Map<String, Set<String>> teamsSeen = new ConcurrentHashMap<>();

    public StateGauges(DataSource dataSource, MeterRegistry registry, WorkingCalendar calendar, Clock clock) {
        this.dataSource = dataSource;
        this.calendar = calendar;
        this.clock = clock;
        add(registry, "frontdoor.contacts.awaiting.decision", "Contacts received and not yet decided",
                "SELECT team, count(*) FROM contact_fact WHERE decided_at IS NULL GROUP BY team");
        add(registry, "frontdoor.contacts.decision.overdue", "Undecided contacts past their decision due date",
                "SELECT team, count(*) FROM contact_fact WHERE decided_at IS NULL AND decision_due_by < ? "
                        + "GROUP BY team",
                Day.TODAY);
        add(registry, "frontdoor.assessments.overdue", "Open assessments past their due date (WT2023)",
                "SELECT team, count(*) FROM assessment_fact WHERE completed_date IS NULL AND due_wt2023 < ? "
                        + "GROUP BY team",
                Day.TODAY);
        add(registry, "frontdoor.assessments.due.soon", "Open assessments due within 10 working days (WT2023)",
                "SELECT team, count(*) FROM assessment_fact WHERE completed_date IS NULL "
                        + "AND due_wt2023 BETWEEN ? AND ? GROUP BY team", Day.TODAY, Day.IN_10_WORKING_DAYS);
        add(registry, "frontdoor.icpc.overdue",
                "Section 47 enquiries past their initial conference due date with no initial conference held",
                "SELECT s.team, count(*) FROM section47_fact s WHERE s.outcome IS DISTINCT FROM 'NO_ICPC' "
                        + "AND s.icpc_due_by < ? AND NOT EXISTS (SELECT 1 FROM conference_fact c "
                        + "WHERE c.section47_id = s.section47_id AND c.kind = 'INITIAL') GROUP BY s.team", Day.TODAY);
    }

    private void add(MeterRegistry registry, String name, String description, String sql, Day... parameters) {
        MultiGauge meter = MultiGauge.builder(name).description(description).register(registry);
        gauges.add(new Gauge(name, sql, List.of(parameters), meter));
        teamsSeen.put(name, ConcurrentHashMap.newKeySet());
    }

    @Scheduled(every = "${frontdoor.gauges.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        LocalDate today = WorkingCalendar.londonDate(clock.instant());
        LocalDate soon = calendar.addWorkingDays(today, IndicatorRules.DUE_SOON_WORKING_DAYS);
        try (Connection connection = dataSource.getConnection()) {
            for (Gauge gauge : gauges) {
                Map<String, Long> byTeam = new HashMap<>();
                try (PreparedStatement statement = connection.prepareStatement(gauge.sql())) {
                    for (int i = 0; i < gauge.parameters().size(); i++) {
                        statement.setObject(i + 1, gauge.parameters().get(i) == Day.TODAY ? today : soon);
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            byTeam.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                }
                Set<String> seen = teamsSeen.get(gauge.name());
                seen.addAll(byTeam.keySet());
                Map<String, Long> values = new LinkedHashMap<>();
                seen.stream().sorted().forEach(team -> values.put(team, byTeam.getOrDefault(team, 0L)));
                gauge.meter().register(values.entrySet().stream()
                        .map(entry -> MultiGauge.Row.of(Tags.of("team", entry.getKey()), entry.getValue()))
                        .toList(), true);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not refresh the state gauges: %s", e.getMessage());
        }
    }
}
