package org.frontdoor.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Front Door service run from its packaged build as a child JVM, watched until its readiness check
 * answers, and stopped gracefully with the rest of the system.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Environment variable with further JVM options for every service, separated by white space. */
    public static final String EXTRA_OPTIONS = "FRONTDOOR_SERVICE_JVM_OPTIONS";

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final long launchedNanos;
    private final ClassArchive archive;
    private volatile double readySeconds = Double.NaN;

    private ServiceProcess(String name, int port, Process process, Path log, long launchedNanos,
            ClassArchive archive) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.launchedNanos = launchedNanos;
        this.archive = archive;
    }

    static ServiceProcess launch(String name, Path jar, int port, Map<String, String> properties, Path log,
            boolean consumer) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built (" + jar + " is missing). Build it with ./mvnw -q package -DskipTests");
        }
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        ClassArchive archive = ClassArchive.of(jar);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions(archive, consumer));
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // Run from the jar's folder under its bare name, recording and mapping alike: the archive holds the
        // class path as the JVM was given it, and a copy of the folder elsewhere then still matches it.
        command.add("-jar");
        command.add(jar.getFileName().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(jar.toAbsolutePath().getParent().toFile());
        // glibc gives each thread that allocates its own 64 MB malloc arena; two are plenty for a JVM, whose
        // Java objects live in its heap, and the arenas were a good part of the RSS above the heap.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        long launched = System.nanoTime();
        return new ServiceProcess(name, port, builder.start(), log, launched, archive);
    }

    /**
     * Start-up on two cores: the application's own classes (jars built here) are not verified again at every start.
     * The C2 compiler keeps the JDK's thresholds; raising them held the request path in C1's code through a whole
     * benchmark load without shortening the start (docs/decisions.md).
     */
    static final List<String> START_UP = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote");

    /**
     * The young generation of a service that consumes the topics: two loops each hold a batch of parsed events
     * (about 3 KB apiece) through its transaction, and with the default sizing (a third of the heap, survivor spaces
     * a tenth of that) each young collection promoted the batch in flight, so the old generation filled every second:
     * replay spent 23–28 s of 60–80 in collections, a third of them full. A fixed 64 MB young generation with 16 MB
     * survivor spaces keeps a batch young until it dies (docs/decisions.md). The initial heap holds that young
     * generation and the old generation's start-up live set (~45 MB).
     */
    static final List<String> CONSUMER_HEAP = List.of("-Xms112m", "-Xmn64m", "-XX:SurvivorRatio=2");

    /** The heap of a service that does not consume (referral-service): the JVM's default young generation. */
    static final List<String> HEAP = List.of("-Xms64m");

    /**
     * Start-up and footprint (issue 6): a small serial-collected heap, capped metaspace, code cache and thread
     * stacks, and the application's class-data archive: recorded on the jar's first run here, then mapped at every
     * start instead of loading, parsing and verifying each class again ({@link ClassArchive}).
     */
    static List<String> jvmOptions(ClassArchive archive, boolean consumer) {
        List<String> options = new ArrayList<>(consumer ? CONSUMER_HEAP : HEAP);
        options.addAll(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=192m",
                "-XX:ReservedCodeCacheSize=96m", "-Xss512k",
                // Hands the C library's freed memory back every 5 s: referral-service under 150 POSTs/s had ~80 MB
                // of malloc arenas in its RSS for 45 MB in use (compiler arenas, mostly); 334 -> 313 MB at the end.
                "-XX:TrimNativeHeapInterval=5000"));
        options.addAll(START_UP);
        options.addAll(archive.options());
        // For trials such as -XX:TieredStopAtLevel=1 (C1 code only): added last, so they win over the options
        // above.
        String extra = System.getenv(EXTRA_OPTIONS);
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    /** Waits until {@code /q/health/ready} answers 200, failing early if the process dies. */
    void awaitReady(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited during start (exit code " + process.exitValue() + "); see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readySeconds = (System.nanoTime() - launchedNanos) / 1e9;
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " was not ready within " + timeout + "; see " + log);
            }
            try {
                // Often enough that the start-up time it gives is within 50 ms of the truth.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for " + name, e);
            }
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Seconds from launching the JVM to the first 200 of {@code /q/health/ready}; NaN until then. */
    public double readySeconds() {
        return readySeconds;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            // A run that records the class archive writes it on the way out: some seconds more.
            if (!process.waitFor(archive.recording() ? 60 : 10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        archive.keepIfRecorded();
    }
}
