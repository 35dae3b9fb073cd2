package org.frontdoor.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local run behind {@code deploy/local/start.sh}: starts everything, prints where it
 * is, runs in the foreground and stops everything it started on Ctrl-C or SIGTERM. With {@code --demo} it
 * also feeds the services a simulated front door, live, so the board and the indicators move at once.
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
        boolean demo = Arrays.asList(args).contains("--demo");
        // The demo is busy from the first minute: an office day every minute unless told otherwise.
        List<String> simulatorOptions = new ArrayList<>(List.of("--day-minutes", "1"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
                case "--demo" -> {
                    // Seen above.
                }
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    if (demo) {
                        simulatorOptions.add(args[i]);
                        continue;
                    }
                    System.err.println("Unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        StackSettings settings = new StackSettings(home, layout.kafkaLibs(), postgresPort, kafkaPort, controllerPort,
                false);
        if (demo) {
            try {
                SimulatorProcess.jar(layout);
            } catch (IOException e) {
                System.err.println("Front Door demo: " + e.getMessage());
                System.exit(1);
                return;
            }
        }
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
        List<SimulatorProcess> simulator = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nFront Door: stopping everything it started ...");
            synchronized (simulator) {
                simulator.forEach(SimulatorProcess::close);
            }
            system.close();
            System.out.println("Front Door: stopped.");
            stopped.countDown();
        }, "front-door-stop"));
        printSummary(system);
        if (demo) {
            try {
                synchronized (simulator) {
                    simulator.add(SimulatorProcess.start(system, layout, simulatorOptions));
                }
                System.out.println("Front Door demo is running: a simulated front door feeds the services live (an "
                        + "office day every " + dayMinutes(simulatorOptions) + " min; options "
                        + String.join(" ", simulatorOptions) + ").\n  Watch the duty board at "
                        + system.service("allocation-service").baseUrl() + "/ (duty/duty), the indicators at "
                        + system.service("metrics-service").baseUrl() + "/indicators (analyst/analyst).\n  Simulator "
                        + "log: " + simulator.get(0).log() + "\n");
            } catch (IOException e) {
                System.err.println("Front Door demo: the simulator did not start: " + e.getMessage()
                        + ". The services keep running.");
            }
        }
        stopped.await();
    }

    private static void printSummary(FrontDoorSystem system) {
        StringBuilder out = new StringBuilder("\nFront Door is running. Press Ctrl-C to stop everything.\n\n");
        for (ServiceProcess service : system.services()) {
            out.append(String.format("  %-19s %s   (OpenAPI %s/q/openapi, metrics %s/q/metrics)%n",
                    service.name(), service.baseUrl(), service.baseUrl(), service.baseUrl()));
        }
        out.append(String.format("%n  %-19s %s/   (sign in as duty/duty)%n%n", "Duty board",
                system.service("allocation-service").baseUrl()));
        out.append(String.format("  %-19s jdbc:postgresql://localhost:%d/<frontdoor_referral|frontdoor_allocation|frontdoor_metrics> (user postgres)%n",
                "PostgreSQL", system.stack().postgresPort()));
        out.append(String.format("  %-19s %s%n", "Kafka", system.stack().kafkaBootstrapServers()));
        out.append("\n  Dev users (HTTP basic): duty/duty (duty-manager), worker/worker (social-worker),\n"
                + "                         analyst/analyst (performance), admin/admin (admin)\n");
        out.append("  Data: ").append(system.stack().settings().home()).append("   Logs: ")
                .append(system.stack().settings().logs()).append('\n');
        System.out.println(out);
    }

    /** The last --day-minutes given: the demo's default or the user's own. */
    private static String dayMinutes(List<String> options) {
        String minutes = "1";
        for (int i = 0; i + 1 < options.size(); i++) {
            if (options.get(i).equals("--day-minutes")) {
                minutes = options.get(i + 1);
            }
        }
        return minutes;
    }

    private static void usage() {
        System.out.println("""
                Usage: deploy/local/start.sh [--home DIR] [--postgres-port N] [--kafka-port N] [--controller-port N]
                                             [--demo [simulator options]]
                  Starts PostgreSQL, Kafka and the three Front Door services in the foreground; Ctrl-C stops them.
                  Defaults: --home .frontdoor, PostgreSQL 55432, Kafka 59092 (controller 59093), services 8081-8083.
                  --demo also runs the simulator live against the services (an office day every minute); other
                  options after it go to the simulator, e.g. --demo --surge 3 --absence 0.3 --day-minutes 2
                  (java -jar simulator/target/simulator-0.1.0-SNAPSHOT.jar --help lists them).""");
    }
}
