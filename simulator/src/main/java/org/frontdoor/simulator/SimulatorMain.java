package org.frontdoor.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.frontdoor.clocks.WorkingCalendar;

/** The simulator's command line: parses the options, runs live or backfill, prints the summary. */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Simulator.Mode mode = Simulator.Mode.LIVE;
        long seed = 1;
        double years = 1;
        LocalDate fromDate = null;
        String to = "now";
        Double durationMinutes = null;
        double surge = 1;
        double absence = 0;
        int pressureDays = 28;
        String referral = "http://localhost:8081";
        String allocation = "http://localhost:8082";
        String metrics = "http://localhost:8083";
        long dryRun = -1;
        boolean printConfig = false;
        Properties settings = SimulationConfig.defaultProperties();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> {
                        usage();
                        return;
                    }
                    case "--mode" -> mode = Simulator.Mode.valueOf(value(args, ++i, arg).toUpperCase(Locale.ROOT));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                    case "--years" -> years = Double.parseDouble(value(args, ++i, arg));
                    case "--from" -> fromDate = LocalDate.parse(value(args, ++i, arg));
                    case "--to" -> to = value(args, ++i, arg);
                    case "--day-minutes" -> settings = SimulationConfig.with(settings, "live.day-minutes",
                            value(args, ++i, arg));
                    case "--duration" -> durationMinutes = Double.parseDouble(value(args, ++i, arg));
                    case "--surge" -> surge = Double.parseDouble(value(args, ++i, arg));
                    case "--absence" -> absence = Double.parseDouble(value(args, ++i, arg));
                    case "--pressure-days" -> pressureDays = Integer.parseInt(value(args, ++i, arg));
                    case "--la-children" -> settings = SimulationConfig.with(settings, "la.children", value(args, ++i, arg));
                    case "--teams" -> settings = SimulationConfig.with(settings, "la.teams", value(args, ++i, arg));
                    case "--clients" -> settings = SimulationConfig.with(settings, "backfill.clients", value(args, ++i, arg));
                    case "--referral-url" -> referral = value(args, ++i, arg);
                    case "--allocation-url" -> allocation = value(args, ++i, arg);
                    case "--metrics-url" -> metrics = value(args, ++i, arg);
                    case "--config" -> settings = SimulationConfig.withFile(settings, Path.of(value(args, ++i, arg)));
                    case "--set" -> {
                        String pair = value(args, ++i, arg);
                        int equals = pair.indexOf('=');
                        if (equals <= 0) {
                            throw new IllegalArgumentException("--set takes key=value, not " + pair);
                        }
                        settings = SimulationConfig.with(settings, pair.substring(0, equals), pair.substring(equals + 1));
                    }
                    case "--dry-run" -> dryRun = i + 1 < args.length && args[i + 1].matches("\\d+")
                            ? Long.parseLong(args[++i]) : 50;
                    case "--print-config" -> printConfig = true;
                    default -> throw new IllegalArgumentException("Unknown option " + arg);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        SimulationConfig config;
        try {
            config = SimulationConfig.from(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (printConfig) {
            for (String key : new TreeSet<>(settings.stringPropertyNames())) {
                System.out.println(key + "=" + settings.getProperty(key));
            }
            printDerived(config);
            return;
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = "now".equals(to) ? now.minusSeconds(120)
                : min(LocalDate.parse(to).plusDays(1).atStartOfDay(WorkingCalendar.LONDON).toInstant().minusSeconds(1),
                        now.minusSeconds(120));
        Instant start = fromDate != null ? fromDate.atStartOfDay(WorkingCalendar.LONDON).toInstant()
                : end.minus(Duration.ofMinutes((long) (years * 365.25 * 24 * 60)));
        Pressure pressure = surge == 1 && absence == 0 ? Pressure.NONE
                : new Pressure(end.minus(Duration.ofDays(pressureDays)), null, surge, absence);
        Simulator.Options options = new Simulator.Options(mode, seed, config, start, end,
                durationMinutes == null ? null : Duration.ofMillis((long) (durationMinutes * 60_000)), pressure,
                URI.create(referral), URI.create(allocation), "none".equals(metrics) ? null : URI.create(metrics),
                config.backfillClients(), dryRun >= 0);
        Simulator simulator = new Simulator(options);
        if (dryRun >= 0) {
            simulator.printRequests(System.out, dryRun);
            return;
        }

        if (mode == Simulator.Mode.LIVE) {
            System.out.printf("Simulator live: seed %d, an office day in %s minutes (out of hours %sx faster), %,.0f "
                    + "contacts a year for %,d children%s. The services stamp the times (they refuse future times), "
                    + "so live mode paces real time.%n", seed, fmt(config.liveDayMinutes()),
                    fmt(config.liveOutOfHoursSpeedup()), config.contactsPerYear(), config.laChildren(),
                    pressure.any() ? String.format(", surge x%s, absence %.0f %%", fmt(surge), absence * 100) : "");
        } else {
            System.out.printf("Simulator backfill: seed %d, %s .. %s, %,.0f contacts a year for %,d children, %d "
                    + "clients%s%n", seed, start, end, config.contactsPerYear(), config.laChildren(),
                    config.backfillClients(),
                    pressure.any() ? String.format(", surge x%s and absence %.0f %% from %s", fmt(surge),
                            absence * 100, pressure.from()) : "");
        }
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.stop();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-stop"));
        Simulator.Summary summary;
        try {
            summary = simulator.run();
            summary.print(System.out);
            System.out.flush();
        } finally {
            finished.countDown();
        }
        if (summary.tally().problems() > 0) {
            System.exit(1);
        }
    }

    /** The figures the settings imply: volumes for the authority's size and the workforce sized for them. */
    private static void printDerived(SimulationConfig config) {
        WorkingCalendar calendar = WorkingCalendar.englandAndWales();
        WorkingWeek week = new WorkingWeek(calendar, config.officeOpens(), config.officeCloses());
        double caseYears = FrontDoorModel.meanCaseYears(config, week);
        Instant now = Instant.now();
        Workforce workforce = new FrontDoorModel(config, 1, now, now, Pressure.NONE, calendar).workforce();
        System.out.printf("# derived: %,.0f contacts and %,.0f referrals a year (REFERRAL %.1f %% of decisions, "
                + "NO_FURTHER_ACTION %.1f %%); a case stays open %.1f months on average; %d workers, %.1f FTE "
                + "(%d teams), for %.0f cases per FTE at steady state%n", config.contactsPerYear(),
                config.referralsPerYear(), config.referralShare() * 100, config.noFurtherActionShare() * 100,
                caseYears * 12, workforce.all().size(), workforce.totalFte(), config.teams().size(),
                config.caseloadTargetPerFte());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void usage() {
        System.out.println("""
                Usage: java -jar simulator/target/simulator-0.1.0-SNAPSHOT.jar [options]

                Simulates a children's social care front door and drives Front Door's public REST API as its users
                would: contacts through the day and out of hours, decisions, cases opened, allocated, assessed,
                taken through strategy discussions, Section 47, conferences and plans, and closed.

                Modes:
                  --mode live         (default) paced in compressed real time; the services stamp times
                  --mode backfill     years of history, every request stamped with its simulated time,
                                      as fast as the services take it; progress on stderr, summary at the end
                Options:
                  --seed N            same seed and period -> same requests (default 1)
                  --years N           backfill: years of history ending at --to (default 1; fractions allowed)
                  --from YYYY-MM-DD   backfill: first day (instead of --years)
                  --to YYYY-MM-DD|now backfill: last day (default now)
                  --day-minutes N     live: real minutes per office day 09:00-17:00 (default 2)
                  --duration MIN      live: stop after MIN real minutes (default: run until Ctrl-C)
                  --surge F           contacts arrive F times faster under pressure (default 1)
                  --absence S         share of each team's workers absent under pressure (default 0)
                  --pressure-days N   backfill: pressure over the last N days (default 28); live: the whole run
                  --la-children N     children in the authority (default 36600); volumes scale with it
                  --teams a,b         teams (default north,south)
                  --clients N         backfill: concurrent HTTP clients (default 8)
                  --referral-url U    default http://localhost:8081
                  --allocation-url U  default http://localhost:8082
                  --metrics-url U     default http://localhost:8083 (read after a backfill; 'none' to skip)
                  --config FILE       properties overriding the defaults (see --print-config)
                  --set key=value     one setting, e.g. --set decision.re-referral-share=0.3
                  --print-config      print every setting and its value, then exit
                  --dry-run [N]       print the first N requests (default 50) without sending them
                  --help              this text
                Exit status: 0, or 1 if any request got an unexpected answer or failed after its retries.
                More: docs/simulator.md""");
    }
}
