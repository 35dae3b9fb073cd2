package org.frontdoor.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Referral commit → the case on the duty board (allocation-service's Server-Sent Events) and → the team's
 * REFERRALS indicator (metrics-service) changing, under a steady event rate: contacts are decided REFERRAL
 * open-model, each decision committing two events (contact.decided, case.opened). As in BoardLatencyBenchmark,
 * the commit happens between sending the decision and its 200, so "from the 200" is a lower bound and "from the
 * request" an upper bound.
 */
final class Freshness {

    private static final Pattern CASE_ID = Pattern.compile("\"caseId\":\"([0-9a-f-]{36})\"");
    private static final Pattern DENOMINATOR = Pattern.compile("\"numerator\"\\s*:\\s*(\\d+)");

    record Timing(String team, long sentNanos, long ackNanos) {
    }

    record Result(int decided, int failed, int missingBoard, double achievedRate, long[] boardFromAck,
            long[] boardFromSend, long[] indicatorFromAck, long[] indicatorFromSend, int indicatorSamples) {
    }

    private final Http http;
    private final String referralUrl;
    private final String allocationUrl;
    private final String metricsUrl;

    Freshness(Http http, String referralUrl, String allocationUrl, String metricsUrl) {
        this.http = http;
        this.referralUrl = referralUrl;
        this.allocationUrl = allocationUrl;
        this.metricsUrl = metricsUrl;
    }

    /**
     * Referrals arrive open-model at {@code referralsPerSecond}: each is a new contact ({@code POST /contacts}) decided
     * REFERRAL at once, three events (contact.received, contact.decided, case.opened). The first
     * {@code warmupSeconds} are not measured.
     */
    Result run(String run, List<String> teams, double referralsPerSecond, double seconds, double warmupSeconds)
            throws Exception {
        double decisionsPerSecond = referralsPerSecond;
        Map<String, Long> seen = new ConcurrentHashMap<>();
        List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
        for (String team : teams) {
            HttpRequest watch = HttpRequest.newBuilder(URI.create(allocationUrl + "/queue/stream?team=" + team))
                    .header("Authorization", Http.basic("duty")).header("Accept", "text/event-stream").build();
            HttpResponse<Stream<String>> response = http.client().send(watch, HttpResponse.BodyHandlers.ofLines());
            streams.add(response);
            Thread reader = new Thread(() -> {
                try {
                    response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                        long now = System.nanoTime();
                        Matcher ids = CASE_ID.matcher(line);
                        while (ids.find()) {
                            seen.putIfAbsent(ids.group(1), now);
                        }
                    });
                } catch (RuntimeException closed) {
                    // over
                }
            }, "board-" + team);
            reader.setDaemon(true);
            reader.start();
        }

        // The indicator probe: one team's REFERRALS count, polled; the k-th referral acknowledged in that team is
        // seen when the count has grown by k.
        String probeTeam = teams.get(0);
        // The probe team gets no warm-up referrals, so its count before the measured part is its baseline.
        long baseline = referrals(probeTeam);
        List<Timing> probeAcks = new CopyOnWriteArrayList<>();
        long[] probeSeen = new long[(int) (decisionsPerSecond * seconds) + 10];
        AtomicInteger probeCount = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        volatile_stop = false;
        Thread prober = new Thread(() -> {
            while (!volatile_stop) {
                try {
                    long count = referrals(probeTeam) - baseline;
                    long now = System.nanoTime();
                    polls.incrementAndGet();
                    for (int k = probeCount.get(); k < count && k < probeSeen.length; k++) {
                        probeSeen[k] = now;
                        probeCount.set(k + 1);
                    }
                    Thread.sleep(20);
                } catch (Exception e) {
                    // keep polling
                }
            }
        }, "indicator-probe");
        prober.setDaemon(true);
        prober.start();

        Map<String, Timing> sent = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(64);
        long warmup = (long) (decisionsPerSecond * warmupSeconds);
        long total = warmup + (long) (decisionsPerSecond * seconds);
        long interval = (long) (1e9 / decisionsPerSecond);
        long start = System.nanoTime();
        long measuredStart = start + warmup * interval;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = i >= warmup;
            String team = measured ? teams.get((int) (i % teams.size()))
                    : teams.get(1 + (int) (i % (teams.size() - 1)));
            long n = i;
            clients.execute(() -> {
                try {
                    String contact = http.post(referralUrl + "/contacts", "worker", """
                            {"childRef": "fr-%s-%d", "source": "2A", "channel": "EMAIL", "outOfHours": false, "team": "%s"}
                            """.formatted(run, n, team));
                    String contactId = Http.field(contact, "id");
                    long sentAt = System.nanoTime();
                    String decided = http.post(referralUrl + "/contacts/" + contactId + "/decision", "duty",
                            "{\"outcome\": \"REFERRAL\", \"rationale\": \"Benchmark referral\"}");
                    long ackAt = System.nanoTime();
                    Timing timing = new Timing(team, sentAt, ackAt);
                    if (!measured) {
                        return;
                    }
                    sent.put(Http.field(decided, "caseId"), timing);
                    if (team.equals(probeTeam)) {
                        probeAcks.add(timing);
                    }
                } catch (Exception e) {
                    if (failures.incrementAndGet() <= 3) {
                        System.out.println("[bench]   freshness: decision failed: " + e.getMessage());
                    }
                }
            });
            if ((i + 1) % (long) (decisionsPerSecond * 10) == 0) {
                System.out.printf("[bench]   freshness: %,d/%,d decided, %,d on the board, indicator probe %d/%d%n",
                        i + 1, total, seen.size(), probeCount.get(), probeAcks.size());
            }
        }
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
        double sendSeconds = (System.nanoTime() - measuredStart) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((!seen.keySet().containsAll(sent.keySet()) || probeCount.get() < probeAcks.size())
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        volatile_stop = true;
        streams.forEach(s -> s.body().close());

        long[] fromAck = sent.entrySet().stream().filter(e -> seen.containsKey(e.getKey()))
                .mapToLong(e -> seen.get(e.getKey()) - e.getValue().ackNanos()).toArray();
        long[] fromSend = sent.entrySet().stream().filter(e -> seen.containsKey(e.getKey()))
                .mapToLong(e -> seen.get(e.getKey()) - e.getValue().sentNanos()).toArray();
        List<Timing> probes = new ArrayList<>(probeAcks);
        probes.sort((a, b) -> Long.compare(a.ackNanos(), b.ackNanos()));
        int samples = Math.min(probes.size(), probeCount.get());
        long[] indicatorFromAck = new long[samples];
        long[] indicatorFromSend = new long[samples];
        for (int k = 0; k < samples; k++) {
            // Never before the 200 itself: the count may have moved for an earlier-acknowledged referral.
            indicatorFromAck[k] = Math.max(0, probeSeen[k] - probes.get(k).ackNanos());
            indicatorFromSend[k] = Math.max(0, probeSeen[k] - probes.get(k).sentNanos());
        }
        System.out.printf("[bench]   freshness: %d indicator polls%n", polls.get());
        return new Result(sent.size(), failures.get(), sent.size() - fromAck.length, sent.size() / sendSeconds,
                fromAck, fromSend, indicatorFromAck, indicatorFromSend, samples);
    }

    private volatile boolean volatile_stop;

    private long referrals(String team) throws IOException, InterruptedException {
        String body = http.get(metricsUrl + "/indicators/REFERRALS?team=" + team, "analyst");
        Matcher m = DENOMINATOR.matcher(body);
        if (!m.find()) {
            throw new IOException("No numerator in " + body);
        }
        return Long.parseLong(m.group(1));
    }
}
