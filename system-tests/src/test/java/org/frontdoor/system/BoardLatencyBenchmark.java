package org.frontdoor.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventTap;
import org.frontdoor.localstack.FrontDoorSystem;
import org.frontdoor.localstack.ProjectLayout;
import org.frontdoor.localstack.StackSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Freshness of the duty board (issue 4): from a referral's commit in referral-service to the case's appearance on
 * allocation-service's Server-Sent Events stream, over the packaged services, the real broker and PostgreSQL.
 * The commit happens between sending the decision and receiving its 200, so two figures bound the truth: from the
 * 200 (a lower bound) and from the send (an upper bound). Referrals are paced open-model across ten teams, each
 * watched by its own board connection as duty managers would. Prints the figures and appends them to
 * docs/benchmarks.md.
 *
 * <p>Run: {@code ./mvnw -pl system-tests verify -Dfrontdoor.excluded.groups=none -Dgroups=benchmark
 * -Dtest=BoardLatencyBenchmark [-Dbench.referrals=600 -Dbench.rate=20]}
 */
@Tag("benchmark")
class BoardLatencyBenchmark {

    private static final Pattern CASE_ID = Pattern.compile("\"caseId\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Timing(long sentNanos, long ackNanos, long ackMillis) {
    }

    @Test
    void referralCommitToBoardPush() throws Exception {
        int referrals = Integer.getInteger("bench.referrals", 600);
        double rate = Double.parseDouble(System.getProperty("bench.rate", "20"));
        int teams = 10;
        ProjectLayout layout = ProjectLayout.locate();
        Path home = Path.of(System.getProperty("java.io.tmpdir")).resolve("frontdoor-board-bench");
        try (FrontDoorSystem system = FrontDoorSystem.start(StackSettings.forTests(home, layout.kafkaLibs()), layout,
                true, "local", FrontDoorSystem.Progress.tagged("[bench]"))) {
            String referral = system.service("referral-service").baseUrl();
            String allocation = system.service("allocation-service").baseUrl();
            String run = UUID.randomUUID().toString().substring(0, 6);
            Map<String, Long> seen = new ConcurrentHashMap<>();
            Map<String, Long> seenMillis = new ConcurrentHashMap<>();
            EventTap tap = EventTap.fromNow(system.stack().kafkaBootstrapServers(), Topics.REFERRAL_EVENTS);
            Map<String, Timing> sent = new ConcurrentHashMap<>();
            List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
            for (int t = 0; t < teams; t++) {
                HttpRequest watch = HttpRequest.newBuilder(URI.create(allocation + "/queue/stream?team=bench-" + run + "-" + t))
                        .header("Authorization", basic("duty")).header("Accept", "text/event-stream").build();
                HttpResponse<Stream<String>> response = HTTP.send(watch, HttpResponse.BodyHandlers.ofLines());
                streams.add(response);
                Thread reader = new Thread(() -> {
                    try {
                        response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                            long now = System.nanoTime();
                            Matcher ids = CASE_ID.matcher(line);
                            while (ids.find()) {
                                if (seen.putIfAbsent(ids.group(1), now) == null) {
                                    seenMillis.put(ids.group(1), System.currentTimeMillis());
                                }
                            }
                        });
                    } catch (RuntimeException closed) {
                        // the benchmark is over
                    }
                }, "board-reader-" + t);
                reader.setDaemon(true);
                reader.start();
            }

            // Warm-up: the consumer group's first join and the JIT are start-up costs, not freshness.
            for (int w = 0; w < 20; w++) {
                String team = "bench-" + run + "-" + (w % teams);
                String contact = post(referral + "/contacts", "worker", """
                        {"childRef": "warm-%s-%d", "source": "2A", "channel": "EMAIL", "outOfHours": false, "team": "%s"}
                        """.formatted(run, w, team));
                String decided = post(referral + "/contacts/" + field(contact, "id") + "/decision", "duty",
                        "{\"outcome\": \"REFERRAL\", \"rationale\": \"Warm-up\"}");
                String warmCase = field(decided, "caseId");
                long warmDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!seen.containsKey(warmCase) && System.nanoTime() < warmDeadline) {
                    Thread.sleep(20);
                }
            }
            seen.clear();
            seenMillis.clear();
            System.out.printf("[bench] warmed up; %d referrals at %.0f/s across %d teams%n", referrals, rate, teams);
            ExecutorService clients = Executors.newFixedThreadPool(16);
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            long interval = (long) (1e9 / rate);
            for (int i = 0; i < referrals; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String team = "bench-" + run + "-" + (i % teams);
                int n = i;
                clients.execute(() -> {
                    try {
                        String contact = post(referral + "/contacts", "worker", """
                                {"childRef": "bench-%s-%d", "source": "2A", "channel": "EMAIL", "outOfHours": false, "team": "%s"}
                                """.formatted(run, n, team));
                        String contactId = field(contact, "id");
                        long sentAt = System.nanoTime();
                        String decided = post(referral + "/contacts/" + contactId + "/decision", "duty",
                                "{\"outcome\": \"REFERRAL\", \"rationale\": \"Benchmark referral\"}");
                        long ackAt = System.nanoTime();
                        sent.put(field(decided, "caseId"), new Timing(sentAt, ackAt, System.currentTimeMillis()));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                });
                if ((i + 1) % 50 == 0) {
                    System.out.printf("[bench] %d/%d referrals sent, %d acknowledged, %d on the board, "
                            + "allocation-service applied %s events, %s queued (REST)%n", i + 1, referrals,
                            sent.size(), seen.size(), applied(allocation), queued(allocation, run, teams));
                }
            }
            clients.shutdown();
            clients.awaitTermination(2, TimeUnit.MINUTES);
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!seen.keySet().containsAll(sent.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            streams.forEach(s -> s.body().close());

            long[] fromAck = sent.entrySet().stream().filter(e -> seen.containsKey(e.getKey()))
                    .mapToLong(e -> seen.get(e.getKey()) - e.getValue().ackNanos()).sorted().toArray();
            long[] fromSend = sent.entrySet().stream().filter(e -> seen.containsKey(e.getKey()))
                    .mapToLong(e -> seen.get(e.getKey()) - e.getValue().sentNanos()).sorted().toArray();
            int missing = sent.size() - fromAck.length;
            // Where the time goes: the case.opened record's CreateTime (stamped by the relay's producer).
            Map<String, Long> published = new java.util.HashMap<>();
            for (var record : tap.drain(Duration.ofSeconds(2))) {
                if (EventTypes.CASE_OPENED.equals(EventTap.header(record, CloudEventHeaders.TYPE))) {
                    published.put(EventTap.header(record, CloudEventHeaders.SUBJECT), record.timestamp());
                }
            }
            tap.close();
            long[] toKafka = sent.entrySet().stream().filter(e -> published.containsKey(e.getKey()))
                    .mapToLong(e -> (published.get(e.getKey()) - e.getValue().ackMillis()) * 1_000_000).sorted()
                    .toArray();
            long[] kafkaToBoard = published.entrySet().stream()
                    .filter(e -> sent.containsKey(e.getKey()) && seenMillis.containsKey(e.getKey()))
                    .mapToLong(e -> (seenMillis.get(e.getKey()) - e.getValue()) * 1_000_000).sorted().toArray();
            System.out.printf("[bench] 200 → record on Kafka: median %.0f ms, p99 %.0f ms; Kafka → board: median %.0f ms,"
                    + " p99 %.0f ms%n", ms(toKafka, 0.5), ms(toKafka, 0.99), ms(kafkaToBoard, 0.5),
                    ms(kafkaToBoard, 0.99));
            String summary = String.format(
                    "%d referrals (%d failed, %d never on the board) at %.1f/s over %.0f s, 10 teams, 10 SSE clients: "
                            + "commit → board from the 200: median %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms; "
                            + "from the request: median %.0f ms, p99 %.0f ms",
                    sent.size(), failures.get(), missing, sent.size() / sendSeconds, sendSeconds,
                    ms(fromAck, 0.5), ms(fromAck, 0.9), ms(fromAck, 0.99), ms(fromAck, 1.0),
                    ms(fromSend, 0.5), ms(fromSend, 0.99));
            System.out.println("[bench] " + summary);
            record(layout, summary);
            if (missing > 0 || failures.get() > 0) {
                throw new AssertionError(summary);
            }
        }
    }

    private static String applied(String allocation) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(allocation + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("frontdoor_consumer_events_total\\{[^}]*outcome=\"applied\"[^}]*} ([0-9.E]+)")
                    .matcher(metrics);
            return m.find() ? m.group(1) : "?";
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static int queued(String allocation, String run, int teams) {
        try {
            HttpResponse<String> queue = HTTP.send(HttpRequest.newBuilder(URI.create(allocation + "/queue"))
                    .header("Authorization", basic("duty")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("bench-" + run).matcher(queue.body());
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n / 2;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }

    private static String post(String url, String user, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return value.group(1);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static void record(ProjectLayout layout, String summary) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("frontdoor.root", "."));
        Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(root.toFile()).start();
        String commit = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        git.waitFor();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version();
        String line = String.format("%n- %s, commit %s, %s — board freshness (BoardLatencyBenchmark): %s%n",
                LocalDate.now(), commit.isEmpty() ? "?" : commit, machine, summary);
        Files.writeString(root.resolve("docs/benchmarks.md"), line, StandardOpenOption.APPEND);
        System.out.println("[bench] appended to docs/benchmarks.md");
    }

}
