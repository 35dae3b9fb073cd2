package org.frontdoor.allocation.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.EventTypes;
import org.frontdoor.kit.persistence.TimeOrderedIds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Catch-up of the allocation consumer (issue 6): a backlog of referral events is put on the topic far faster than it
 * can be applied, and the applied-events counter is sampled until all are applied. The steady rate is taken between
 * 10 % and 90 % of the backlog. Per case: a contact received and decided, the case opened and closed (dated 2025, so
 * no alert holds), keyed by child. Runs only on request:
 * {@code ./mvnw -B -pl allocation-service verify -Dfrontdoor.excluded.groups=none -Dgroups=benchmark
 * -Dtest=CatchUpBenchmark [-Dbench.events=200000]}
 */
@QuarkusTest
@Tag("benchmark")
class CatchUpBenchmark {

    private static final String[] TEAMS = { "catchup-a", "catchup-b", "catchup-c", "catchup-d" };

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    @Test
    void backlogIsAppliedQuickly() throws Exception {
        long events = Long.getLong("bench.events", 200_000);
        Counter applied = registry.find("frontdoor.consumer.events").tag("consumer", ReferralEventsConsumer.CONSUMER)
                .tag("outcome", "applied").counter();
        double before = applied == null ? 0 : applied.count();
        long began = System.nanoTime();
        long produced = produce(events);
        System.out.printf("[bench] %,d events produced in %.1f s%n", produced, (System.nanoTime() - began) / 1e9);
        List<double[]> samples = new ArrayList<>();
        long limit = began + 30L * 60 * 1_000_000_000L;
        double done = 0;
        while (done < produced && System.nanoTime() < limit) {
            Thread.sleep(200);
            Counter counter = applied != null ? applied
                    : registry.find("frontdoor.consumer.events").tag("consumer", ReferralEventsConsumer.CONSUMER)
                            .tag("outcome", "applied").counter();
            done = counter == null ? 0 : counter.count() - before;
            samples.add(new double[] { (System.nanoTime() - began) / 1e9, done });
        }
        double[] low = samples.stream().filter(s -> s[1] >= 0.1 * produced).findFirst().orElseThrow();
        double[] high = samples.stream().filter(s -> s[1] >= 0.9 * produced).findFirst().orElseThrow();
        double[] last = samples.get(samples.size() - 1);
        System.out.printf("[bench] allocation consumer: %,.0f of %,d events applied in %.1f s (%.0f events/s overall);"
                + " steady (10–90 %%) %.0f events/s%n", done, produced, last[0], done / last[0],
                (high[1] - low[1]) / (high[0] - low[0]));
        assertTrue(done >= produced, "not every event was applied");
    }

    /** Puts the backlog on the topic, batched and compressed as a relay catching up would; returns how many. */
    private long produce(long events) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Burst burst = new Burst(bootstrapServers)) {
            for (int n = 0; burst.sent() < events; n++) {
                String child = "cu-" + run + "-" + n;
                String team = TEAMS[n % TEAMS.length];
                LocalDate day = LocalDate.of(2025, 3, 3).plusDays(n % 200);
                Instant at = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
                String contact = TimeOrderedIds.next().toString();
                String caseId = TimeOrderedIds.next().toString();
                String common = "\"childRef\":\"" + child + "\",\"team\":\"" + team + "\"";
                burst.send(EventTypes.CONTACT_RECEIVED, contact, child, "{\"contactId\":\"" + contact + "\"," + common
                        + ",\"occurredAt\":\"" + at + "\",\"decisionDueBy\":\"" + day.plusDays(1) + "\"}", at);
                burst.send(EventTypes.CONTACT_DECIDED, contact, child, "{\"contactId\":\"" + contact + "\"," + common
                        + ",\"occurredAt\":\"" + at.plusSeconds(3_600) + "\",\"receivedAt\":\"" + at
                        + "\",\"decisionDueBy\":\"" + day.plusDays(1) + "\"}", at);
                burst.send(EventTypes.CASE_OPENED, caseId, child, "{\"caseId\":\"" + caseId + "\"," + common
                        + ",\"occurredAt\":\"" + at.plusSeconds(3_600) + "\",\"referralDate\":\"" + day + "\"}", at);
                burst.send(EventTypes.CASE_CLOSED, caseId, child, "{\"caseId\":\"" + caseId + "\"," + common
                        + ",\"occurredAt\":\"" + at.plusSeconds(86_400 * 2) + "\"}", at);
            }
            return burst.sent();
        }
    }
}
