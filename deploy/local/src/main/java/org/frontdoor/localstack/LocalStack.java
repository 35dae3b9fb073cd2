package org.frontdoor.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real infrastructure Front Door runs on, without Docker: one PostgreSQL with the three service
 * databases and one Kafka broker with the topics. The one-command run and every test use this class.
 */
public final class LocalStack implements AutoCloseable {

    private final StackSettings settings;
    private final PostgresServer postgres;
    private final int controllerPort;
    private volatile KafkaBroker kafka;

    private LocalStack(StackSettings settings, PostgresServer postgres, KafkaBroker kafka, int controllerPort) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
        this.controllerPort = controllerPort;
    }

    /** Starts PostgreSQL and Kafka side by side and returns once both are ready with databases and topics. */
    public static LocalStack start(StackSettings settings) throws IOException {
        if (settings.fresh()) {
            deleteRecursively(settings.home());
        }
        Files.createDirectories(settings.home());
        int postgresPort = Ports.choose("PostgreSQL", settings.postgresPort());
        int kafkaPort = Ports.choose("Kafka", settings.kafkaPort());
        int controllerPort = Ports.choose("Kafka controller", settings.controllerPort());

        KafkaBroker kafka = KafkaBroker.launch(settings, kafkaPort, controllerPort);
        PostgresServer postgres = null;
        try {
            postgres = PostgresServer.start(settings, postgresPort);
            kafka.awaitReady(Duration.ofSeconds(90));
            return new LocalStack(settings, postgres, kafka, controllerPort);
        } catch (IOException | RuntimeException e) {
            kafka.close();
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String databaseUser() {
        return PostgresServer.USER;
    }

    public int postgresPort() {
        return postgres.port();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Stops the broker, keeping its data, to show what the services do while Kafka is unreachable. */
    public synchronized void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same ports with the same data. */
    public synchronized void startKafka() throws IOException {
        KafkaBroker restarted = KafkaBroker.launch(settings, kafka.port(), controllerPort);
        restarted.awaitReady(Duration.ofSeconds(90));
        kafka = restarted;
    }

    public StackSettings settings() {
        return settings;
    }

    /** Stops the broker, then PostgreSQL; never throws, so it is safe in shutdown hooks. */
    @Override
    public void close() {
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
