package org.frontdoor.localstack;

import java.nio.file.Path;

/**
 * Where the local stack keeps its files and which ports it asks for; one value describes both the
 * persistent one-command run (fixed ports, data kept) and a throwaway test run (free ports, data wiped).
 *
 * @param home            folder holding PostgreSQL data, Kafka logs, binaries and process logs
 * @param kafkaLibs       folder with the broker's jars (deploy/local/target/lib)
 * @param postgresPort    PostgreSQL port, 0 for any free port
 * @param kafkaPort       Kafka client port, 0 for any free port
 * @param controllerPort  KRaft controller port, 0 for any free port
 * @param fresh           wipe {@code home} before starting (tests) or keep what is there (the local run)
 */
public record StackSettings(Path home, Path kafkaLibs, int postgresPort, int kafkaPort, int controllerPort,
        boolean fresh) {

    public Path postgresData() {
        return home.resolve("postgres");
    }

    public Path postgresBinaries() {
        return home.resolve("postgres-binaries");
    }

    public Path kafkaData() {
        return home.resolve("kafka");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    /** A throwaway stack on free ports under {@code home}, for one test JVM. */
    public static StackSettings forTests(Path home, Path kafkaLibs) {
        return new StackSettings(home, kafkaLibs, 0, 0, 0, true);
    }
}
