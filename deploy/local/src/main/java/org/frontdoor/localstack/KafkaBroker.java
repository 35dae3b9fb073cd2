package org.frontdoor.localstack;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.frontdoor.events.Topics;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) run as a child JVM from the
 * jars in deploy/local/target/lib, with the replication settings one node needs and the Front Door topics.
 */
final class KafkaBroker implements AutoCloseable {

    /** Every topic the system uses, with the consumers that have a dead-letter topic on it. */
    static final List<String> TOPICS = List.of(
            Topics.REFERRAL_EVENTS,
            Topics.ALLOCATION_EVENTS,
            Topics.deadLetter(Topics.REFERRAL_EVENTS, "allocation-service"),
            Topics.deadLetter(Topics.REFERRAL_EVENTS, "metrics-service"),
            Topics.deadLetter(Topics.ALLOCATION_EVENTS, "allocation-service"),
            Topics.deadLetter(Topics.ALLOCATION_EVENTS, "metrics-service"));

    private final Process process;
    private final int port;

    private KafkaBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Launches the broker process; call {@link #awaitReady} before using it. */
    static KafkaBroker launch(StackSettings settings, int port, int controllerPort) throws IOException {
        Path data = settings.kafkaData();
        Path logDir = data.resolve("log");
        Files.createDirectories(logDir);
        Files.createDirectories(settings.logs());
        Path config = data.resolve("server.properties");
        Files.writeString(config, serverProperties(logDir, port, controllerPort));
        Path log4j = data.resolve("log4j2.properties");
        Files.writeString(log4j, LOG4J2);

        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = settings.kafkaLibs().resolve("*") + File.pathSeparator
                + ownJar();
        Path log = settings.logs().resolve("kafka.log");

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            List<String> format = List.of(java, "-Xmx256m", "-cp", classpath,
                    "-Dlog4j2.configurationFile=" + log4j, "kafka.tools.StorageTool", "format",
                    "--cluster-id=" + clusterId(), "--config=" + config);
            Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            try {
                if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                    formatting.destroyForcibly();
                    throw new IOException("Formatting Kafka storage failed; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while formatting Kafka storage", e);
            }
        }

        List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j,
                "-Djava.io.tmpdir=" + data, "-cp", classpath, KafkaBrokerMain.class.getName(), config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new KafkaBroker(process, port);
    }

    /** Waits until the broker answers and creates the topics that are missing. */
    void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ports.isAccepting(port)) {
            if (!process.isAlive()) {
                throw new IOException("The Kafka broker exited during start (exit code " + process.exitValue()
                        + "); see its log");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("The Kafka broker did not open port " + port + " within " + timeout);
            }
            sleep(100);
        }
        createTopics(deadline);
    }

    private void createTopics(long deadline) throws IOException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin client = Admin.create(admin)) {
            while (true) {
                try {
                    Set<String> existing = client.listTopics().names().get(10, TimeUnit.SECONDS);
                    List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t))
                            .map(t -> new NewTopic(t, Topics.PARTITIONS, (short) 1)
                                    .configs(Map.of("retention.ms", "-1", "min.insync.replicas", "1")))
                            .toList();
                    if (!missing.isEmpty()) {
                        client.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                    }
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("Could not create the Kafka topics: " + e.getMessage(), e);
                    }
                    sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while creating topics", e);
                }
            }
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
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

    private static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=" + Topics.PARTITIONS,
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=-1",
                "log.segment.bytes=67108864",
                "") + "\n";
    }

    /** A random cluster id in Kafka's form; like Kafka's own, never starting with '-' (an option to the tool). */
    private static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer buffer = ByteBuffer.allocate(16);
            buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static String ownJar() {
        try {
            return Path.of(KafkaBrokerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for Kafka", e);
        }
    }

    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "appender.out.type = Console",
            "appender.out.name = OUT",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = WARN",
            "rootLogger.appenderRef.out.ref = OUT",
            "logger.kafka.name = kafka.server.KafkaRaftServer",
            "logger.kafka.level = INFO",
            "") + "\n";
}
