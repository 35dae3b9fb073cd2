package org.frontdoor.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local run behind {@code deploy/local/start.sh}: starts everything, prints where it
 * is, runs in the foreground and stops everything it started on Ctrl-C or SIGTERM.
 */
public final class FrontDoorLocal {

    private FrontDoorLocal() {
    }

    public static void main(String[] args) throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        Path home = layout.root().resolve(".frontdoor");
        int postgresPort = 55432;
        int kafkaPort = 59092;
        int controllerPort = 59093;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        StackSettings settings = new StackSettings(home, layout.kafkaLibs(), postgresPort, kafkaPort, controllerPort,
                false);
        System.out.println("Front Door: starting the local system (data and logs in " + home + ")");
        FrontDoorSystem system;
        try {
            system = FrontDoorSystem.start(settings, layout, false, "local", FrontDoorSystem.Progress.console());
        } catch (IOException | IllegalStateException e) {
            System.out.println();
            System.err.println("Front Door did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nFront Door: stopping everything it started ...");
            system.close();
            System.out.println("Front Door: stopped.");
            stopped.countDown();
        }, "front-door-stop"));
        printSummary(system);
        stopped.await();
    }

    private static void printSummary(FrontDoorSystem system) {
        StringBuilder out = new StringBuilder("\nFront Door is running. Press Ctrl-C to stop everything.\n\n");
        for (ServiceProcess service : system.services()) {
            out.append(String.format("  %-19s %s   (OpenAPI %s/q/openapi, metrics %s/q/metrics)%n",
                    service.name(), service.baseUrl(), service.baseUrl(), service.baseUrl()));
        }
        out.append(String.format("  %-19s jdbc:postgresql://localhost:%d/<frontdoor_referral|frontdoor_allocation|frontdoor_metrics> (user postgres)%n",
                "PostgreSQL", system.stack().postgresPort()));
        out.append(String.format("  %-19s %s%n", "Kafka", system.stack().kafkaBootstrapServers()));
        out.append("\n  Dev users (HTTP basic): duty/duty (duty-manager), worker/worker (social-worker),\n"
                + "                         analyst/analyst (performance), admin/admin (admin)\n");
        out.append("  Data: ").append(system.stack().settings().home()).append("   Logs: ")
                .append(system.stack().settings().logs()).append('\n');
        System.out.println(out);
    }

    private static void usage() {
        System.out.println("""
                Usage: deploy/local/start.sh [--home DIR] [--postgres-port N] [--kafka-port N] [--controller-port N]
                  Starts PostgreSQL, Kafka and the three Front Door services in the foreground; Ctrl-C stops them.
                  Defaults: --home .frontdoor, PostgreSQL 55432, Kafka 59092 (controller 59093), services 8081-8083.""");
    }
}
