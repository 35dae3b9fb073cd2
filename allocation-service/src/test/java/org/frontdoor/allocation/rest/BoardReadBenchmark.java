package org.frontdoor.allocation.rest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.frontdoor.allocation.service.AlertService;
import org.frontdoor.allocation.service.AllocationService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The work behind one board push and one alert evaluation for a team whose queue has grown to
 * {@code bench.queue} (4,000) unallocated cases, as in the freshness benchmark that never allocates (issue 6). Prints
 * the median, p90 and max of each figure with the load average; asserts no timing. Runs only on request:
 * {@code ./mvnw -B -pl allocation-service verify -Dfrontdoor.excluded.groups=none -Dgroups=benchmark
 * -Dtest=BoardReadBenchmark -Dit.test=none [-Dbench.queue=4000]}
 */
@QuarkusTest
@Tag("benchmark")
class BoardReadBenchmark {

    private static final int WARM_UP = 20;
    private static final int RUNS = 30;
    private static final int WORKERS = 10;

    @Inject
    AllocationService allocation;
    @Inject
    AlertService alerts;
    @Inject
    EntityManager entities;

    @TestHTTPResource("/")
    URI base;

    @Test
    void boardReadAndAlertEvaluationOfALongQueue() {
        int queued = Integer.getInteger("bench.queue", 4_000);
        System.out.printf("[bench] load average before: %s%n", loadAverage());
        // As in the freshness benchmark: nobody allocates, so nothing has waited long yet.
        measure("fresh", queued, 0);
        // A backlog: a tenth of the queue waiting for 20 days, each with its alert standing.
        measure("backlog", queued, 10);
        report("alert evaluation of every team (the timer's; both teams above)", () -> alerts.evaluate().active());
        System.out.printf("[bench] load average after: %s%n", loadAverage());
    }

    private void measure(String scenario, int queued, int overLimitEvery) {
        String team = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        seed(team, queued, overLimitEvery);
        System.out.printf("[bench] %s: a team of %,d queued cases (%s) and %d workers%n", scenario, queued,
                overLimitEvery == 0 ? "none over the alert limit" : "one in " + overLimitEvery
                        + " waiting 20 days", WORKERS);
        alerts.evaluate(List.of(team));
        List<String> teams = List.of(team);
        report(scenario + ": board read (queue + caseloads of the team, one transaction)", () -> QuarkusTransaction
                .requiringNew().call(() -> allocation.queues(teams).get(team).size()
                        + allocation.workerLoads(teams).get(team).size()));
        report(scenario + ": board over SSE (connect -> first state received and parsed)", () -> {
            try (BoardWatcher watcher = new BoardWatcher(base, team, "duty")) {
                return watcher.next(Duration.ofSeconds(60)).path("queue").size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        report(scenario + ": alert evaluation of the team (after a consumer batch)",
                () -> alerts.evaluate(teams).active());
    }

    /** Queued cases waiting a few seconds (one in {@code overLimitEvery} for 20 days), and workers holding some. */
    private void seed(String team, int queued, int overLimitEvery) {
        QuarkusTransaction.requiringNew().run(() -> {
            entities.createNativeQuery("""
                    INSERT INTO worker (worker_id, display_name, team, fte, case_holding, updated_at)
                    SELECT :team || '-sw-' || g, 'Worker ' || g, :team, 1.0, true, now()
                    FROM generate_series(1, :workers) g
                    """).setParameter("team", team).setParameter("workers", WORKERS).executeUpdate();
            entities.createNativeQuery("""
                    INSERT INTO allocation_case (case_id, child_ref, team, referral_date, opened_at, status,
                        waiting_since, worker_id, allocated_at)
                    SELECT gen_random_uuid(), 'bench-child-' || g, :team, current_date, now(), 'OPEN', now(),
                        :team || '-sw-' || (1 + g % :workers), now()
                    FROM generate_series(1, :held) g
                    """).setParameter("team", team).setParameter("workers", WORKERS)
                    .setParameter("held", WORKERS * 12).executeUpdate();
            entities.createNativeQuery("""
                    INSERT INTO allocation_case (case_id, child_ref, team, referral_date, opened_at, status,
                        waiting_since)
                    SELECT gen_random_uuid(), 'bench-child-q' || g, :team, current_date, w, 'OPEN', w
                    FROM generate_series(1, :queued) g,
                        LATERAL (SELECT CASE WHEN g % :every = 0 THEN now() - interval '20 days'
                            ELSE now() - g * interval '1 second' END AS w) AS waiting
                    """).setParameter("team", team).setParameter("queued", queued)
                    .setParameter("every", overLimitEvery == 0 ? queued + 1 : overLimitEvery).executeUpdate();
        });
    }

    private static void report(String what, Supplier<Integer> run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.get();
        }
        List<Long> nanos = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long began = System.nanoTime();
            size = run.get();
            nanos.add(System.nanoTime() - began);
        }
        nanos.sort(null);
        System.out.printf("[bench] %s: median %.1f ms, p90 %.1f ms, max %.1f ms (%d runs after %d warm-up; result"
                + " size %d)%n", what, nanos.get(RUNS / 2) / 1e6, nanos.get(RUNS * 9 / 10 - 1) / 1e6,
                nanos.get(RUNS - 1) / 1e6, RUNS, WARM_UP, size);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
