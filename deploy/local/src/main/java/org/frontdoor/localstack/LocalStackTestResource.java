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

    private static LocalStack stack;

    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        LocalStack running = shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", running.jdbcUrl(database),
                "quarkus.datasource.username", running.databaseUser(),
                "quarkus.datasource.password", running.databaseUser(),
                "kafka.bootstrap.servers", running.kafkaBootstrapServers());
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
        }
        return stack;
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus application: other test classes may restart Quarkus with it.
    }
}
