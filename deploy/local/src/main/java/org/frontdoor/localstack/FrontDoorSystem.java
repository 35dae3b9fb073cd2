package org.frontdoor.localstack;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: the local stack plus the three services started one after another
 * (three at once on two cores is slower than in turn). Used by start.sh and by the system tests.
 */
public final class FrontDoorSystem implements AutoCloseable {

    /**
     * A service module, its database, the port it takes by default, and whether it consumes the topics (its heap is
     * then shaped for the consumer's batches, {@link ServiceProcess#CONSUMER_HEAP}).
     */
    public record Service(String module, String database, int defaultPort, boolean consumer) {
    }

    public static final List<Service> SERVICES = List.of(
            new Service("referral-service", "frontdoor_referral", 8081, false),
            new Service("allocation-service", "frontdoor_allocation", 8082, true),
            new Service("metrics-service", "frontdoor_metrics", 8083, true));

    private final LocalStack stack;
    private final List<ServiceProcess> services;
    private final ProjectLayout layout;
    private final String profile;

    private FrontDoorSystem(LocalStack stack, List<ServiceProcess> services, ProjectLayout layout, String profile) {
        this.stack = stack;
        this.services = services;
        this.layout = layout;
        this.profile = profile;
    }

    /**
     * Starts the stack and the services. {@code freePorts} gives every service a free port (tests);
     * otherwise each takes its default port and fails clearly if it is taken.
     */
    public static FrontDoorSystem start(StackSettings settings, ProjectLayout layout, boolean freePorts,
            String profile, Progress progress) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (Service service : SERVICES) {
            ports.add(Ports.choose(service.module(), freePorts ? 0 : service.defaultPort()));
        }
        progress.step("Starting PostgreSQL and Kafka");
        long began = System.nanoTime();
        LocalStack stack = LocalStack.start(settings);
        progress.done(began);
        List<ServiceProcess> running = new ArrayList<>();
        FrontDoorSystem system = new FrontDoorSystem(stack, running, layout, profile);
        try {
            for (int i = 0; i < SERVICES.size(); i++) {
                Service service = SERVICES.get(i);
                progress.step("Starting " + service.module() + " on port " + ports.get(i));
                began = System.nanoTime();
                running.add(launch(stack, layout, service, ports.get(i), profile, service.module(), Map.of()));
                progress.done(began);
            }
            return system;
        } catch (IOException | RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /**
     * Starts one more instance of a service on a free port against the same stack, for example with
     * another profile or to run two instances side by side; the caller stops it.
     */
    public ServiceProcess startAnother(String module, String profile, String instanceName,
            Map<String, String> extraProperties) throws IOException {
        Service service = SERVICES.stream().filter(s -> s.module().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + module));
        return launch(stack, ProjectLayout.locate(), service, Ports.free(), profile, instanceName, extraProperties);
    }

    private static ServiceProcess launch(LocalStack stack, ProjectLayout layout, Service service, int port,
            String profile, String instanceName, Map<String, String> extraProperties) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(extraProperties);
        properties.put("quarkus.profile", profile);
        properties.put("quarkus.datasource.jdbc.url", stack.jdbcUrl(service.database()));
        properties.put("quarkus.datasource.username", stack.databaseUser());
        properties.put("quarkus.datasource.password", stack.databaseUser());
        properties.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        ServiceProcess process = ServiceProcess.launch(instanceName, layout.serviceJar(service.module()), port,
                properties, stack.settings().logs().resolve(instanceName + ".log"), service.consumer());
        try {
            process.awaitReady(Duration.ofSeconds(120));
        } catch (IOException | RuntimeException e) {
            process.close();
            throw e;
        }
        return process;
    }

    /**
     * Stops a service (SIGTERM, as an orchestrator would) and starts it again on the same port, database and topics:
     * what survives is what the service keeps in its database and offsets.
     */
    public synchronized ServiceProcess restart(String module) throws IOException {
        ServiceProcess old = service(module);
        Service service = SERVICES.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
        old.close();
        ServiceProcess again = launch(stack, layout, service, old.port(), profile, module, Map.of());
        services.set(services.indexOf(old), again);
        return again;
    }

    public LocalStack stack() {
        return stack;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    public ServiceProcess service(String module) {
        return services.stream().filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + module));
    }

    /** Stops the services in reverse order, then the stack. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        stack.close();
    }

    /** Where start-up progress is shown: the console for start.sh, the test log for tests. */
    public interface Progress {
        void step(String what);

        void done(long startedNanos);

        static Progress console() {
            return new Progress() {
                @Override
                public void step(String what) {
                    System.out.print("  " + what + " ... ");
                    System.out.flush();
                }

                @Override
                public void done(long startedNanos) {
                    System.out.printf("ready in %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
                }
            };
        }
        /** One line per step in a test log, each marked with {@code tag}, e.g. {@code [system-tests]}. */
        static Progress tagged(String tag) {
            return new Progress() {
                @Override
                public void step(String what) {
                    System.out.println(tag + " " + what);
                }

                @Override
                public void done(long startedNanos) {
                    System.out.printf("%s   ready in %.1f s%n", tag, (System.nanoTime() - startedNanos) / 1e9);
                }
            };
        }
    }
}
