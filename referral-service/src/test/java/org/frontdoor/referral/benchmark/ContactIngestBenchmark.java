package org.frontdoor.referral.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.frontdoor.localstack.LocalStack;
import org.frontdoor.localstack.LocalStackTestResource;
import org.frontdoor.localstack.ProjectLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures what one {@code POST /contacts} costs the packaged referral-service on its own (issue 6): the service
 * runs as a child JVM with the local stack's footprint options against the real PostgreSQL and Kafka, and gets an
 * open-model load (fixed intended start times, latency from the intended start). Prints the process CPU seconds
 * per 1,000 POSTs (from /proc) and the latency percentiles; asserts nothing about time.
 * Run after packaging: ./mvnw -pl referral-service package -DskipTests, then
 * ./mvnw -pl referral-service surefire:test -Dfrontdoor.excluded.groups=none -Dgroups=benchmark
 * -Dtest=ContactIngestBenchmark (-Dingest.rate=80 -Dingest.seconds=60 -Dingest.jfr=true to record a profile,
 * -Dingest.jar=<referral-service-runner.jar> to measure another build, such as the one before a change; -Dingest.nmt=true for
 * the JVM's native memory by category; -Dingest.jvm="-XX:..." for JVM options to try).
 */
@Tag("benchmark")
class ContactIngestBenchmark {

    private static final double RATE = Double.parseDouble(System.getProperty("ingest.rate", "80"));
    private static final double SECONDS = Double.parseDouble(System.getProperty("ingest.seconds", "60"));
    private static final boolean JFR = Boolean.getBoolean("ingest.jfr");
    /** -Dingest.nmt=true: the JVM's native memory by category at the end (Native Memory Tracking). */
    private static final boolean NMT = Boolean.getBoolean("ingest.nmt");
    private static final double WARM_UP_SECONDS = Double.parseDouble(System.getProperty("ingest.warm-up", "90"));
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger counter = new AtomicInteger();

    @Test
    void cpuAndLatencyPerContact() throws Exception {
        LocalStack stack = LocalStackTestResource.shared();
        Path jar = System.getProperty("ingest.jar") != null ? Path.of(System.getProperty("ingest.jar"))
                : ProjectLayout.locate().serviceJar("referral-service");
        Path target = Path.of(System.getProperty("java.io.tmpdir"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms64m", "-Xmx192m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=192m",
                "-XX:ReservedCodeCacheSize=96m", "-Xss512k"));
        if (NMT) {
            command.add("-XX:NativeMemoryTracking=summary");
        }
        String extra = System.getProperty("ingest.jvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (JFR) {
            command.add("-XX:FlightRecorderOptions:stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename="
                    + target.resolve("ingest-" + System.currentTimeMillis() + ".jfr"));
        }
        command.addAll(List.of("-Dquarkus.profile=local", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + stack.jdbcUrl("frontdoor_referral"),
                "-Dquarkus.datasource.username=" + stack.databaseUser(),
                "-Dquarkus.datasource.password=" + stack.databaseUser(),
                "-Dkafka.bootstrap.servers=" + stack.kafkaBootstrapServers(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MALLOC_ARENA_MAX", System.getProperty("ingest.arenas", "2"));
        Process service = builder.redirectErrorStream(true)
                .redirectOutput(target.resolve("ingest-benchmark-service.log").toFile()).start();
        try {
            String base = "http://localhost:" + port;
            awaitReady(base);
            run(base, RATE, WARM_UP_SECONDS);
            long cpuBefore = cpuTicks(service.pid());
            long jitBefore = jitTicks(service.pid());
            long started = System.nanoTime();
            long[] latencies = run(base, RATE, SECONDS);
            double elapsed = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (cpuTicks(service.pid()) - cpuBefore) / (double) CLOCK_TICKS_PER_SECOND;
            double jitSeconds = (jitTicks(service.pid()) - jitBefore) / (double) CLOCK_TICKS_PER_SECOND;
            Arrays.sort(latencies);
            System.out.printf("%n[benchmark] POST /contacts at %.0f/s for %.0f s (%d requests): service CPU %.2f s "
                    + "= %.2f s per 1,000 POSTs (%.0f %% of one core), of which the JIT compiler threads %.2f s, the rest "
                    + "%.2f s per 1,000 POSTs; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; load average %s%n", RATE,
                    elapsed, latencies.length, cpuSeconds, cpuSeconds * 1000 / latencies.length,
                    100 * cpuSeconds / elapsed, jitSeconds * 1000 / latencies.length,
                    (cpuSeconds - jitSeconds) * 1000 / latencies.length, percentile(latencies, 50),
                    percentile(latencies, 99), latencies[latencies.length - 1] / 1e6,
                    Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.println("[benchmark] referral-service memory: " + Files.readAllLines(
                    Path.of("/proc/" + service.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmHWM") || line.startsWith("VmRSS") || line.startsWith("Threads"))
                    .map(line -> line.replaceAll("\\s+", " ")).toList());
            if (NMT) {
                Process jcmd = new ProcessBuilder("jcmd", Long.toString(service.pid()), "VM.native_memory", "summary")
                        .redirectErrorStream(true).start();
                System.out.println(new String(jcmd.getInputStream().readAllBytes()));
            }
        } finally {
            service.destroy();
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    /** Offers {@code rate} POSTs a second for {@code seconds}; returns each latency in ns, failing on any non-201. */
    private long[] run(String base, double rate, double seconds) throws Exception {
        int total = (int) (rate * seconds);
        long interval = (long) (1e9 / rate);
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
        long start = System.nanoTime() + 10_000_000;
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            pending[i] = client.sendAsync(request(base), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - intended;
                        if (failure != null || response.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    });
        }
        CompletableFuture.allOf(pending).get(60, TimeUnit.SECONDS);
        if (failures.get() > 0) {
            throw new AssertionError(failures.get() + " of " + total + " POSTs failed");
        }
        return latencies;
    }

    private HttpRequest request(String base) {
        int n = counter.getAndIncrement();
        String body = """
                {"childRef": "ingest-%d", "source": "%s", "channel": "EMAIL", "outOfHours": false, "team": "t%d",
                 "concerns": ["3B", "4B"], "child": {"birthMonth": "2015-06", "gender": "1", "ethnicity": "WBRI"}}"""
                .formatted(n, n % 3 == 0 ? "6" : "2A", n % 4);
        return HttpRequest.newBuilder(URI.create(base + "/contacts")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("worker:worker".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void awaitReady(String base) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("referral-service was not ready within 120 s");
    }

    /** utime + stime of a process in clock ticks (proc(5): fields 14 and 15). */
    private static long cpuTicks(long pid) throws IOException {
        return ticks(Path.of("/proc/" + pid + "/stat"));
    }

    /** The same for the JIT compiler threads only (C1 and C2 CompilerThreadN), which a young JVM keeps busy. */
    private static long jitTicks(long pid) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        ticks += ticks(task.resolve("stat"));
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static long ticks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
