package org.frontdoor.allocation.service;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;

import org.frontdoor.allocation.domain.TeamLoad;
import org.frontdoor.events.AlertKind;

/**
 * The current-state gauges of the front door for Prometheus (ARCHITECTURE.md §6), set from the database by each
 * alert evaluation so a scrape never queries it. Labels are team and kind only, never a case or worker id.
 */
@Singleton
public class AlertMeters {

    private final MultiGauge unallocated;
    private final MultiGauge oldestWait;
    private final MultiGauge workersOverThreshold;
    private final MultiGauge activeAlerts;

    public AlertMeters(MeterRegistry registry) {
        this.unallocated = MultiGauge.builder("frontdoor.queue.unallocated")
                .description("Open cases with no worker, by team").register(registry);
        this.oldestWait = MultiGauge.builder("frontdoor.queue.oldest.wait.working.days")
                .description("Working days the longest-waiting unallocated case has waited, by team")
                .register(registry);
        this.workersOverThreshold = MultiGauge.builder("frontdoor.workers.over.threshold")
                .description("Case-holding workers at or over their caseload threshold, by team").register(registry);
        this.activeAlerts = MultiGauge.builder("frontdoor.alerts.active")
                .description("Alerts raised and not yet resolved, by kind").register(registry);
    }

    /** Replaces every reading; a team that no longer has a worker or a waiting case disappears. */
    void show(List<TeamLoad> teams, Map<AlertKind, Long> activeByKind) {
        unallocated.register(byTeam(teams, TeamLoad::unallocated), true);
        oldestWait.register(byTeam(teams, TeamLoad::oldestWaitWorkingDays), true);
        workersOverThreshold.register(byTeam(teams, TeamLoad::workersOverThreshold), true);
        activeAlerts.register(activeByKind.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("kind", e.getKey().name()), e.getValue()))
                .toList(), true);
    }

    private static List<MultiGauge.Row<?>> byTeam(List<TeamLoad> teams, ToIntFunction<TeamLoad> reading) {
        return teams.stream()
                .<MultiGauge.Row<?>>map(t -> MultiGauge.Row.of(Tags.of("team", t.team()), reading.applyAsInt(t)))
                .toList();
    }
}
