package org.frontdoor.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import org.frontdoor.clocks.WorkingCalendar;

/**
 * Runs the model against the services: live, paced by the compressed clock and letting the services stamp
 * the time (they refuse times in the future, and a compressed day runs ahead of the wall clock), or as a
 * backfill of history with every request stamped with its simulated time, as fast as the services take it.
 */
public final class Simulator {

    /** How the run is paced. */
    public enum Mode { LIVE, BACKFILL }

    /**
     * A run, completely described.
     *
     * @param from      backfill: first simulated instant; live: where simulated time starts ({@code null}: now, or
     *                  the next opening when the office is closed). Live mode lets the services stamp times, so
     *                  this only sets the pace of the day (a test pins it to keep its counts off the wall clock)
     * @param to        backfill: last simulated instant (not after now)
     * @param duration  live: stop after this much real time, {@code null} to run until stopped
     * @param metrics   metrics-service, read after a backfill to show its counts next to the simulator's; may be null
     */
    public record Options(Mode mode, long seed, SimulationConfig config, Instant from, Instant to, Duration duration,
            Pressure pressure, URI referral, URI allocation, URI metrics, int clients, boolean dryRun) {
    }

    /** The outcome of a run. */
    public record Summary(Mode mode, String runTag, Instant simulatedFrom, Instant simulatedTo, Duration elapsed,
            Tally tally, Map<String, Long> model, Map<String, String> services) {

        public long contacts() {
            return tally.get("ok.ReceiveContact");
        }

        public long referrals() {
            return tally.get("referrals");
        }

        public double contactsPerSecond() {
            return contacts() / Math.max(0.001, elapsed.toMillis() / 1000.0);
        }

        public void print(PrintStream out) {
            double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
            out.printf("%nSimulator %s run %s: simulated %s .. %s in %.1f s%n", mode.name().toLowerCase(Locale.ROOT),
                    runTag, DAY.format(simulatedFrom), DAY.format(simulatedTo), seconds);
            out.printf("  requests %,d (%.0f/s), contacts %,d (%.1f/s), referrals %,d, retries %,d, problems %,d%n",
                    tally.requests(), tally.requests() / seconds, contacts(), contactsPerSecond(), referrals(),
                    tally.get("retries"), tally.problems());
            out.println("  answered by kind:");
            tally.counts().forEach((key, value) -> {
                if (key.startsWith("ok.")) {
                    out.printf("    %-24s %,9d%n", key.substring(3), value);
                }
            });
            tally.counts().forEach((key, value) -> {
                if (!key.startsWith("ok.") && !key.equals("referrals") && !key.equals("retries")) {
                    out.printf("    %-24s %,9d%n", key, value);
                }
            });
            out.printf("  left: %,d open cases, %,d unallocated; overrides %,d; model re-referrals %,d of %,d referrals%n",
                    tally.openCases(), tally.unallocatedOpenCases(), tally.get("overrides"),
                    model.getOrDefault("re-referrals", 0L), model.getOrDefault("outcome.REFERRAL", 0L));
            if (!services.isEmpty()) {
                out.println("  the services say: " + services);
            }
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingCalendar.LONDON);

    private final Options options;
    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();
    private final AtomicBoolean stop = new AtomicBoolean();

    public Simulator(Options options) {
        this.options = options;
    }

    /** Asks a running simulation to stop after the action in hand (Ctrl-C in live mode). */
    public void stop() {
        stop.set(true);
    }

    public Summary run() throws InterruptedException {
        return options.mode() == Mode.LIVE ? live() : backfill();
    }

    private Summary backfill() throws InterruptedException {
        FrontDoorModel model = new FrontDoorModel(options.config(), options.seed(), options.from(), options.to(),
                options.pressure(), calendar);
        Tally tally = new Tally();
        long began = System.nanoTime();
        Progress progress = new Progress(tally, options.from(), options.to(), false);
        FrontDoorClient client = new FrontDoorClient(options.referral(), options.allocation());
        Map<String, String> services = Map.of();
        try (Dispatcher dispatcher = new Dispatcher(client, tally, options.clients(), true,
                "sim-" + model.runTag() + "-")) {
            progress.start();
            Action action;
            while (!stop.get() && (action = model.next()) != null) {
                dispatcher.submit(action);
                progress.at(action.at());
            }
            dispatcher.drain(stop.get() ? Duration.ofSeconds(5) : Duration.ofDays(365));
        } finally {
            progress.finish();
        }
        tally.add("retries", client.retries());
        tally.add("allocation 404 waits", client.notFoundWaits());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        if (options.metrics() != null) {
            services = indicators(client, tally);
        }
        return new Summary(Mode.BACKFILL, model.runTag(), options.from(), options.to(), elapsed, tally,
                model.counts(), services);
    }

    private Summary live() throws InterruptedException {
        WorkingWeek week = new WorkingWeek(calendar, options.config().officeOpens(), options.config().officeCloses());
        Instant simulatedStart = LiveClock.start(week, options.from() != null ? options.from() : Instant.now());
        Pressure pressure = options.pressure().any()
                ? new Pressure(simulatedStart, null, options.pressure().surge(), options.pressure().absence())
                : Pressure.NONE;
        FrontDoorModel model = new FrontDoorModel(options.config(), options.seed(), simulatedStart, null, pressure,
                calendar, System.currentTimeMillis());
        LiveClock clock = new LiveClock(week, simulatedStart, options.config().liveDayMinutes(),
                options.config().liveOutOfHoursSpeedup());
        Tally tally = new Tally();
        FrontDoorClient client = new FrontDoorClient(options.referral(), options.allocation());
        inheritCaseloads(client, model.workforce());
        long began = System.nanoTime();
        long deadline = options.duration() == null ? Long.MAX_VALUE : began + options.duration().toNanos();
        Progress progress = new Progress(tally, simulatedStart, null, true);
        Instant simulatedNow = simulatedStart;
        try (Dispatcher dispatcher = new Dispatcher(client, tally, options.clients(), false,
                "sim-" + model.runTag() + "-")) {
            progress.start();
            Action action;
            while (!stop.get() && (action = model.next()) != null) {
                long due = began + clock.realOffset(action.at()).toNanos();
                if (due > deadline) {
                    break;
                }
                while (!stop.get() && System.nanoTime() < due) {
                    Thread.sleep(Math.min(250, Math.max(1, (due - System.nanoTime()) / 1_000_000)));
                }
                if (stop.get()) {
                    break;
                }
                dispatcher.submit(action);
                simulatedNow = action.at();
                progress.at(simulatedNow);
            }
            while (!stop.get() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            // Stopping (Ctrl-C): what is in flight gets a few seconds, then the summary.
            dispatcher.drain(stop.get() ? Duration.ofSeconds(5) : Duration.ofSeconds(60));
            // Absent staff come back when the run ends, so the system is not left without case-holding workers.
            for (Workforce.Worker worker : model.workforce().all()) {
                if (worker.absent) {
                    dispatcher.sendNow(new Action.PutWorker(simulatedNow, worker.workerId, worker.displayName,
                            worker.team, worker.fte, true, worker.threshold));
                }
            }
        } finally {
            progress.finish();
        }
        tally.add("retries", client.retries());
        tally.add("allocation 404 waits", client.notFoundWaits());
        return new Summary(Mode.LIVE, model.runTag(), simulatedStart, simulatedNow,
                Duration.ofNanos(System.nanoTime() - began), tally, model.counts(), Map.of());
    }

    /**
     * A live run against data kept from earlier runs (start.sh keeps it): workers may already hold cases, which
     * count against their thresholds, so the duty manager in the model sees them too.
     */
    private static void inheritCaseloads(FrontDoorClient client, Workforce workforce) throws InterruptedException {
        try {
            FrontDoorClient.Answer answer = client.get(Action.Service.ALLOCATION, "/workers", "admin");
            if (!answer.ok()) {
                return;
            }
            int inherited = 0;
            for (JsonNode existing : answer.body()) {
                Workforce.Worker worker = workforce.worker(existing.path("workerId").asText());
                if (worker != null) {
                    worker.inherited = existing.path("activeCases").asInt();
                    inherited += worker.inherited;
                }
            }
            if (inherited > 0) {
                System.out.printf("Workers already hold %,d open cases from earlier runs; they count against their "
                        + "thresholds.%n", inherited);
            }
        } catch (FrontDoorClient.Unavailable e) {
            System.err.println("allocation-service did not answer GET /workers: " + e.getMessage());
        }
    }

    /** Prints every request the run would make, with the ids the services would give as placeholders. */
    public void printRequests(PrintStream out, long limit) {
        Instant start = options.mode() == Mode.LIVE
                ? LiveClock.start(new WorkingWeek(calendar, options.config().officeOpens(),
                        options.config().officeCloses()), Instant.now())
                : options.from();
        FrontDoorModel model = new FrontDoorModel(options.config(), options.seed(), start,
                options.mode() == Mode.LIVE ? null : options.to(), options.pressure(), calendar);
        Action.Ids placeholders = Placeholders.INSTANCE;
        Action action;
        long printed = 0;
        while (printed < limit && (action = model.next()) != null) {
            Action.Request request = action.request(placeholders, options.mode() == Mode.BACKFILL);
            out.println(request.method() + " " + request.service().name().toLowerCase(Locale.ROOT) + " "
                    + request.path() + " as " + request.user() + " " + request.body());
            printed++;
        }
    }

    /**
     * metrics-service's CONTACTS and REFERRALS for the backfilled period, once its consumers have caught up
     * with what the simulator sent (waiting up to a minute).
     */
    private Map<String, String> indicators(FrontDoorClient client, Tally tally) throws InterruptedException {
        LocalDate from = WorkingCalendar.londonDate(options.from());
        LocalDate to = WorkingCalendar.londonDate(options.to());
        String path = "/indicators?from=" + from + "&to=" + to;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, String> seen = Map.of();
        while (true) {
            try {
                FrontDoorClient.Answer answer = client.get(options.metrics(), path, "analyst");
                if (answer.ok()) {
                    long contacts = -1;
                    long referrals = -1;
                    for (JsonNode indicator : answer.body()) {
                        if ("CONTACTS".equals(indicator.path("code").asText())) {
                            contacts = indicator.path("numerator").asLong();
                        } else if ("REFERRALS".equals(indicator.path("code").asText())) {
                            referrals = indicator.path("numerator").asLong();
                        }
                    }
                    seen = Map.of("CONTACTS", String.valueOf(contacts), "REFERRALS", String.valueOf(referrals));
                    if (contacts >= tally.get("ok.ReceiveContact") && referrals >= tally.get("referrals")) {
                        return seen;
                    }
                } else {
                    return Map.of("indicators", "HTTP " + answer.status());
                }
            } catch (IOException e) {
                return Map.of("indicators", "unreachable: " + e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                return seen;
            }
            Thread.sleep(1000);
        }
    }

    /** Placeholder ids for a dry run: the model's own keys. */
    private enum Placeholders implements Action.Ids {
        INSTANCE;

        @Override
        public String contact(long contactKey) {
            return "{contact-" + contactKey + "}";
        }

        @Override
        public String caseId(long caseKey) {
            return "{case-" + caseKey + "}";
        }

        @Override
        public String assessment(long caseKey) {
            return "{assessment-of-case-" + caseKey + "}";
        }

        @Override
        public String strategyDiscussion(long caseKey) {
            return "{discussion-of-case-" + caseKey + "}";
        }

        @Override
        public String section47(long caseKey) {
            return "{section47-of-case-" + caseKey + "}";
        }
    }

    /** The progress line on stderr: redrawn in place on a console, a line every 10 s otherwise. */
    private static final class Progress {
        private final Tally tally;
        private final Instant from;
        private final Instant to;
        private final boolean live;
        private final boolean console = System.console() != null;
        private final long began = System.nanoTime();
        private volatile Instant at;
        private Thread thread;

        Progress(Tally tally, Instant from, Instant to, boolean live) {
            this.tally = tally;
            this.from = from;
            this.to = to;
            this.live = live;
            this.at = from;
        }

        void at(Instant simulated) {
            at = simulated;
        }

        void start() {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(console ? 500 : 10_000);
                        draw(false);
                    }
                } catch (InterruptedException e) {
                    // Finished.
                }
            }, "simulator-progress");
            thread.setDaemon(true);
            thread.start();
        }

        void finish() {
            if (thread != null) {
                thread.interrupt();
            }
            draw(true);
        }

        private void draw(boolean last) {
            double seconds = Math.max(0.001, (System.nanoTime() - began) / 1e9);
            String line;
            String counts = String.format("requests %,d (%.0f/s) | contacts %,d | referrals %,d | allocated %,d | "
                    + "problems %,d", tally.requests(), tally.requests() / seconds, tally.get("ok.ReceiveContact"),
                    tally.get("referrals"), tally.get("ok.AllocateCase"), tally.problems());
            if (live) {
                line = "live, simulated " + DAY.format(at) + " | " + counts;
            } else {
                double share = Math.min(1, Math.max(0, Duration.between(from, at).toSeconds()
                        / (double) Math.max(1, Duration.between(from, to).toSeconds())));
                int filled = (int) Math.round(share * 30);
                line = String.format("[%s%s] %3.0f%% %s | %s", "#".repeat(filled), ".".repeat(30 - filled), share * 100,
                        DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(at), counts);
            }
            synchronized (System.err) {
                if (console) {
                    System.err.print("\r" + line + (last ? "\n" : ""));
                } else {
                    System.err.println(line);
                }
                System.err.flush();
            }
        }
    }
}
