package org.frontdoor.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.ContractValidator;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;

/**
 * A backlog of valid referral events put straight on the topic, as referral-service's relay would have
 * published them: per case a contact that was not referred (received, decided NO_FURTHER_ACTION), then the
 * referred contact (received, decided REFERRAL), the case opening and its closure. Six events a case, keyed by
 * childRef, in 2025 (outside the query benchmark's period and before today).
 */
final class Replay {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.englandAndWales();
    private static final String[] SOURCES = { "1A", "2A", "3A", "3E", "5A", "6", "6", "6", "8", "9" };
    private static final String[] TEAMS = { "replay-north", "replay-south", "replay-east", "replay-west" };

    record Event(String type, String subject, String key, String data, Instant time) {
    }

    /** The six events of case n. */
    static List<Event> caseEvents(String run, long n, SplittableRandom random) {
        List<Event> events = new ArrayList<>(6);
        String child = "rp-" + run + "-" + n;
        String team = TEAMS[(int) (n % TEAMS.length)];
        String source = SOURCES[random.nextInt(SOURCES.length)];
        LocalDate first = LocalDate.parse("2025-01-02").plusDays(random.nextInt(300));
        LocalDate received = CALENDAR.isWorkingDay(first) ? first : CALENDAR.addWorkingDays(first, 1);
        Instant receivedAt = received.atTime(10, 0).toInstant(ZoneOffset.UTC);
        LocalDate due = CALENDAR.addWorkingDays(received, 1);
        // The contact that was not referred.
        UUID other = Ids.next();
        events.add(new Event(EventTypes.CONTACT_RECEIVED, other.toString(), child,
                received(other, child, receivedAt, source, team, due), receivedAt));
        Instant otherDecided = receivedAt.plusSeconds(3600);
        events.add(new Event(EventTypes.CONTACT_DECIDED, other.toString(), child,
                decided(other, child, otherDecided, receivedAt, team, source, "NO_FURTHER_ACTION", due, 0, null),
                otherDecided));
        // The referral, a week later.
        LocalDate referralReceived = CALENDAR.addWorkingDays(received, 5);
        Instant refAt = referralReceived.atTime(9, 30).toInstant(ZoneOffset.UTC);
        LocalDate refDue = CALENDAR.addWorkingDays(referralReceived, 1);
        UUID contact = Ids.next();
        UUID caseId = Ids.next();
        events.add(new Event(EventTypes.CONTACT_RECEIVED, contact.toString(), child,
                received(contact, child, refAt, source, team, refDue), refAt));
        int days = random.nextInt(2);
        LocalDate decidedDate = CALENDAR.addWorkingDays(referralReceived, days);
        Instant decidedAt = decidedDate.atTime(14, 0).toInstant(ZoneOffset.UTC);
        events.add(new Event(EventTypes.CONTACT_DECIDED, contact.toString(), child,
                decided(contact, child, decidedAt, refAt, team, source, "REFERRAL", refDue, days, caseId), decidedAt));
        events.add(new Event(EventTypes.CASE_OPENED, caseId.toString(), child, """
                {"caseId":"%s","childRef":"%s","contactId":"%s","occurredAt":"%s","referralDate":"%s","team":"%s",\
                "source":"%s","reReferral":false,"referralsInPrevious12Months":0}"""
                .formatted(caseId, child, contact, decidedAt, decidedDate, team, source), decidedAt));
        LocalDate closed = CALENDAR.addWorkingDays(decidedDate, 2);
        Instant closedAt = closed.atTime(11, 0).toInstant(ZoneOffset.UTC);
        events.add(new Event(EventTypes.CASE_CLOSED, caseId.toString(), child, """
                {"caseId":"%s","childRef":"%s","team":"%s","occurredAt":"%s","referralDate":"%s","closedDate":"%s",\
                "reason":"RC7","noFurtherStepAfterReferral":true}"""
                .formatted(caseId, child, team, closedAt, decidedDate, closed), closedAt));
        return events;
    }

    private static String received(UUID contact, String child, Instant at, String source, String team, LocalDate due) {
        return """
                {"contactId":"%s","childRef":"%s","occurredAt":"%s","source":"%s","channel":"PHONE","outOfHours":false,\
                "team":"%s","decisionDueBy":"%s","child":{"birthMonth":"2016-07","gender":"2","ethnicity":"WBRI"}}"""
                .formatted(contact, child, at, source, team, due);
    }

    private static String decided(UUID contact, String child, Instant at, Instant receivedAt, String team,
            String source, String outcome, LocalDate due, int days, UUID caseId) {
        return """
                {"contactId":"%s","childRef":"%s","occurredAt":"%s","receivedAt":"%s","team":"%s","source":"%s",\
                "outcome":"%s","decidedBy":"duty","rationaleRecorded":true,"decisionDueBy":"%s",\
                "workingDaysToDecision":%d,"caseId":%s}"""
                .formatted(contact, child, at, receivedAt, team, source, outcome, due, days,
                        caseId == null ? "null" : "\"" + caseId + "\"");
    }

    /** Every generated type validates against its schema, or the benchmark stops. */
    static void validateShapes() {
        for (Event event : caseEvents("check", 0, new SplittableRandom(1))) {
            List<String> problems = ContractValidator.validateData(event.type(), event.data());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(event.type() + " generated for replay is invalid: " + problems);
            }
        }
    }

    /** Produces {@code events} events (rounded up to whole cases); returns the number produced. */
    static long produce(String bootstrap, String run, long events) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        SplittableRandom random = new SplittableRandom(42);
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long produced = 0;
        String source = EventTypes.sourceOf(EventTypes.CONTACT_RECEIVED);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long n = 0; produced < events; n++) {
                for (Event event : caseEvents(run, n, random)) {
                    List<Header> headers = List.of(
                            header(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION),
                            header(CloudEventHeaders.ID, Ids.next().toString()),
                            header(CloudEventHeaders.SOURCE, source),
                            header(CloudEventHeaders.TYPE, event.type()),
                            header(CloudEventHeaders.SUBJECT, event.subject()),
                            header(CloudEventHeaders.TIME, event.time().toString()),
                            header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.DATA_CONTENT_TYPE));
                    producer.send(new ProducerRecord<>(Topics.REFERRAL_EVENTS, null, event.key(),
                            event.data().getBytes(StandardCharsets.UTF_8), headers), (metadata, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                } else {
                                    acked.incrementAndGet();
                                }
                            });
                    produced++;
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (acked.get() != produced) {
            throw new IllegalStateException("Only " + acked.get() + " of " + produced + " replay events acknowledged");
        }
        return produced;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Catch-up of one service: events applied (counter) over time until {@code target} or the time limit. */
    record CatchUp(String service, long applied, double seconds, double rate, double steadyRate, boolean complete,
            double startSeconds, double maxRssMb) {
    }

    static CatchUp measure(Http http, String service, String baseUrl, String consumer, long target, double limitSeconds,
            double startSeconds, long pid) throws InterruptedException {
        double maxRss = 0;
        long began = System.nanoTime();
        long firstAt = 0;
        double firstCount = 0;
        double count = 0;
        long lastAt = began;
        long lastPrint = began;
        // Steady rate: between 10 % and 90 % of the target (or of what was reached), from the samples.
        List<double[]> samples = new ArrayList<>();
        while (true) {
            double value = http.metric(baseUrl, "frontdoor_consumer_events_total", "consumer=\"" + consumer + "\"");
            long now = System.nanoTime();
            maxRss = Math.max(maxRss, Http.rssMb(pid));
            if (!Double.isNaN(value)) {
                count = value;
                samples.add(new double[] { (now - began) / 1e9, value });
                if (firstAt == 0 && value > 0) {
                    firstAt = now;
                    firstCount = value;
                }
                lastAt = now;
            }
            if (count >= target) {
                break;
            }
            if ((now - began) / 1e9 > limitSeconds) {
                break;
            }
            if (now - lastPrint > TimeUnit.SECONDS.toNanos(10)) {
                System.out.printf("[bench]   replay %s: %,.0f of %,d events applied after %.0f s%n", service, count,
                        target, (now - began) / 1e9);
                lastPrint = now;
            }
            Thread.sleep(250);
        }
        double seconds = firstAt == 0 ? Double.NaN : (lastAt - firstAt) / 1e9;
        double rate = firstAt == 0 ? 0 : (count - firstCount) / Math.max(seconds, 1e-3);
        double steady = steadyRate(samples, Math.min(count, target));
        return new CatchUp(service, (long) count, seconds, rate, steady, count >= target, startSeconds, maxRss);
    }

    /** Events per second between the samples at 10 % and 90 % of {@code reached}. */
    static double steadyRate(List<double[]> samples, double reached) {
        double[] low = null;
        double[] high = null;
        for (double[] s : samples) {
            if (low == null && s[1] >= 0.1 * reached) {
                low = s;
            }
            if (high == null && s[1] >= 0.9 * reached) {
                high = s;
            }
        }
        if (low == null || high == null || high[0] <= low[0]) {
            return Double.NaN;
        }
        return (high[1] - low[1]) / (high[0] - low[0]);
    }
}
