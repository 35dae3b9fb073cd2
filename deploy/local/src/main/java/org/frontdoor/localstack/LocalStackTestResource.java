package org.frontdoor.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a service's {@code @QuarkusTest}s the real PostgreSQL and Kafka of the local stack: started once
 * per test JVM on free ports, shared by every test class, stopped when the JVM exits.
 * Pass the service's database name as the {@code database} init argument.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** The running stack's JDBC URL prefix, user and Kafka servers, JVM-wide (system properties outlive class loaders). */
    private static final String RECORDED_STACK = "frontdoor.test.local-stack";

    private static LocalStack stack;

    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String jdbcUrl;
        String user;
        String bootstrap;
        String recorded = System.getProperty(RECORDED_STACK);
        if (recorded != null && stack == null) {
            // A Quarkus restart (a test profile) loads this class again, with its static field empty; the stack
            // the JVM started first is still running, so use it rather than starting a second, empty one.
            String[] parts = recorded.split("\n", -1);
            jdbcUrl = parts[0] + database;
            user = parts[1];
            bootstrap = parts[2];
        } else {
            LocalStack running = shared();
            jdbcUrl = running.jdbcUrl(database);
            user = running.databaseUser();
            bootstrap = running.kafkaBootstrapServers();
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", user,
                "kafka.bootstrap.servers", bootstrap);
    }

    /** The JVM-wide stack, started on first use. */
    public static synchronized LocalStack shared() {
        if (stack == null) {
            ProjectLayout layout = ProjectLayout.locate();
            Path home = Path.of(System.getProperty("java.io.tmpdir")).resolve("frontdoor-stack");
            try {
                stack = LocalStack.start(StackSettings.forTests(home, layout.kafkaLibs()));
            } catch (IOException e) {
                throw new UncheckedIOException("The local stack did not start", e);
            }
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-stop"));
            String jdbcPrefix = started.jdbcUrl("");
            System.setProperty(RECORDED_STACK, String.join("\n", jdbcPrefix, started.databaseUser(),
                    started.kafkaBootstrapServers()));
        }
        return stack;
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application: other test classes may restart Quarkus with it.
    }
}
