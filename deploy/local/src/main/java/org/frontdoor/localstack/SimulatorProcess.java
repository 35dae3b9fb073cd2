package org.frontdoor.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The demo's simulated front door: the simulator module's runnable jar as a child JVM in live mode against
 * the running services, so the duty board, the indicators and the Prometheus metrics move at once. Stopped
 * with the rest of the system, first, so that it prints its summary while the services still answer.
 */
public final class SimulatorProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private volatile boolean closing;

    private SimulatorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The simulator's runnable jar, built by {@code ./mvnw -pl simulator package} (its libraries in target/lib). */
    public static Path jar(ProjectLayout layout) throws IOException {
        Path target = layout.root().resolve("simulator/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                List<Path> jars = files.filter(p -> p.getFileName().toString().matches("simulator-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().endsWith("-sources.jar")).toList();
                if (!jars.isEmpty() && Files.isDirectory(target.resolve("lib"))) {
                    return jars.get(0);
                }
            }
        }
        throw new IOException("The simulator is not built (" + target + "/simulator-*.jar and lib/ are missing). "
                + "Build it with ./mvnw -q -pl simulator -am package -DskipTests");
    }

    /**
     * Starts the simulator live against the system's services; {@code options} go to it unchanged after the
     * service URLs (see {@code java -jar simulator/target/simulator-*.jar --help}).
     */
    public static SimulatorProcess start(FrontDoorSystem system, ProjectLayout layout, List<String> options)
            throws IOException {
        Path jar = jar(layout);
        Path log = system.stack().settings().logs().resolve("simulator.log");
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--mode", "live",
                "--referral-url", system.service("referral-service").baseUrl(),
                "--allocation-url", system.service("allocation-service").baseUrl(),
                "--metrics-url", system.service("metrics-service").baseUrl()));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        SimulatorProcess simulator = new SimulatorProcess(process, log);
        Thread watcher = new Thread(() -> {
            try {
                int exit = process.waitFor();
                if (!simulator.closing) {
                    System.err.println("Front Door demo: the simulator stopped (exit code " + exit + "); see " + log
                            + ". The services keep running.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return simulator;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops it with SIGTERM (it prints its summary to its log) and waits a little, then forcibly. */
    @Override
    public void close() {
        closing = true;
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
