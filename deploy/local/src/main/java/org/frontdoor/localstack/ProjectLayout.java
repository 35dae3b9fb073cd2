package org.frontdoor.localstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the checkout the stack runs from, so tests in any module and the launcher agree on where the
 * broker's jars and the services' builds are without anyone passing paths by hand.
 */
public final class ProjectLayout {

    /** System property naming the project root; Maven sets it for tests, start.sh for the launcher. */
    public static final String ROOT_PROPERTY = "frontdoor.root";

    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root;
    }

    public static ProjectLayout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new ProjectLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/local")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new ProjectLayout(dir);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("Cannot find the Front Door checkout: set -D" + ROOT_PROPERTY
                + "=<project root> or run from inside it.");
    }

    public Path root() {
        return root;
    }

    /** The broker's classpath folder, filled by {@code ./mvnw package} of deploy/local. */
    public Path kafkaLibs() {
        Path libs = root.resolve("deploy/local/target/lib");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("The Kafka broker's jars are missing at " + libs
                    + ". Build them first: ./mvnw -q -pl deploy/local -am package -DskipTests");
        }
        return libs;
    }

    /** The runnable build of a service module, one jar: e.g. referral-service/target/referral-service-runner.jar. */
    public Path serviceJar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-runner.jar");
    }
}
