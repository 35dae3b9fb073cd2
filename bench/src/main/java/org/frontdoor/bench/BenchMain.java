package org.frontdoor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.frontdoor.bench.Report.Verdict;
import org.frontdoor.localstack.FrontDoorSystem;
import org.frontdoor.localstack.ProjectLayout;
import org.frontdoor.localstack.ServiceProcess;
import org.frontdoor.localstack.StackSettings;

/**
 * The benchmark run of issue 6: starts its own stack and the packaged services on free ports, measures this
 * machine's limits and the system against them, prints every figure as it goes and appends one dated section to
 * docs/benchmarks.md. Run through {@code bench/run.sh [--quick] [--only limits,ingest,...] [--no-append] [--jfr]}.
 */
public final class BenchMain {

    /**
     * Records per transaction of the upsert limit: the consumers' batch (service-kit's ConsumerConfig
     * max-poll-records default), so that their ratio to the limit compares like with like.
     */
    static final int CONSUMER_BATCH = 1000;

    static final List<String> PHASES = List.of("limits", "ingest", "freshness", "queries", "replay");
    static final List<String> SERVICES = List.of("referral-service", "allocation-service", "metrics-service");
    private static final int RESTARTS = 3;
    private static final int SETTLE_SECONDS = 5;

    /** Sizes of a run: the full run (under 30 minutes) or the smoke run (--quick, about 5). */
    record Plan(boolean quick, double limitSeconds, long kafkaRecords, double ingestWarmup, double ingestStep,
            double ingestFactor, double ingestHalfSeconds, double freshnessDecisionsPerSecond, double freshnessSeconds,
            int queryCases, int queryExtraContacts, int serviceRuns, int rawRuns, long replayEvents,
            double replayLimitSeconds, double budgetMinutes) {

        static Plan full() {
            return new Plan(false, 10, 1_000_000, 10, 15, 1.4, 30, 100, 60, 1_000_000, 2, 20, 2, 1_000_000, 150, 28);
        }

        static Plan smoke() {
            return new Plan(true, 3, 200_000, 3, 5, 2.0, 10, 100, 15, 50_000, 2, 10, 2, 60_000, 90, 8);
        }
    }

    private final Plan plan;
    private final Set<String> only;
    private final Report report = new Report();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();
    private final Map<String, double[]> restartSeconds = new LinkedHashMap<>();
    private final Map<String, Double> maxRss = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxThreads = new ConcurrentHashMap<>();
    private final Path jfrDir;
    private final boolean jfr;
    private final long runStarted = System.nanoTime();
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    private double insertLimit = Double.NaN;
    private double upsertLimit = Double.NaN;
    private double kafkaConsumerLimit = Double.NaN;

    BenchMain(Plan plan, Set<String> only, Path jfrDir, boolean jfr) {
        this.plan = plan;
        this.only = only;
        this.jfrDir = jfrDir;
        this.jfr = jfr;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean append = true;
        // JFR's profile settings cost the services 40-60 MB of RSS and enough CPU to cut the freshness phase from
        // 65 to 47 referrals/s (measured 2026-11-26): the figures are taken without it, a profile on request.
        boolean jfr = false;
        Set<String> only = new LinkedHashSet<>(PHASES);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-append" -> append = false;
                case "--jfr" -> jfr = true;
                case "--only" -> {
                    only.clear();
                    for (String phase : args[++i].split(",")) {
                        if (!PHASES.contains(phase.trim())) {
                            throw new IllegalArgumentException("Unknown phase " + phase + "; phases: " + PHASES);
                        }
                        only.add(phase.trim());
                    }
                }
                case "--help", "-h" -> {
                    System.out.println("bench/run.sh [--quick] [--only " + String.join(",", PHASES)
                            + "] [--no-append] [--jfr]");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        ProjectLayout layout = ProjectLayout.locate();
        // The checkout (git, docs/benchmarks.md); frontdoor.root may point at run.sh's copy of the packaged services.
        Path repo = Path.of(System.getProperty("bench.repo", layout.root().toString())).toAbsolutePath();
        Path target = repo.resolve("bench/target");
        BenchMain bench = new BenchMain(quick ? Plan.smoke() : Plan.full(), only, target.resolve("jfr"), jfr);
        String machine = machine(repo);
        System.out.println("[bench] " + machine);
        try {
            bench.runAll(layout, target.resolve("run-home"));
        } finally {
            String heading = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").format(Instant.now().atOffset(ZoneOffset.UTC))
                    + " — benchmark run" + (quick ? " (--quick smoke: small sizes, figures not comparable)" : "")
                    + (only.size() < PHASES.size() ? " (only " + String.join(", ", only) + ")" : "");
            String duration = String.format("Run took %.1f minutes; load average (1 min) at the end %s.",
                    (System.nanoTime() - bench.runStarted) / 60e9, loadAverage());
            String profiling = jfr ? " JFR profiling was on (--jfr): it costs the services RSS and CPU, so these figures "
                    + "are not comparable with a run without it." : "";
            String markdown = bench.report.markdown(heading, machine + " " + duration + profiling);
            System.out.println(markdown);
            if (append && !bench.report.rows().isEmpty()) {
                bench.report.append(repo.resolve("docs/benchmarks.md"), markdown);
                System.out.println("[bench] appended to docs/benchmarks.md");
            }
        }
    }

    void runAll(ProjectLayout layout, Path home) throws Exception {
        phase("Starting PostgreSQL, Kafka and the three services (free ports, " + home + ")");
        FrontDoorSystem.Progress progress = new FrontDoorSystem.Progress() {
            @Override
            public void step(String what) {
                System.out.println("[bench]   " + what);
            }

            @Override
            public void done(long startedNanos) {
                System.out.printf("[bench]     ready in %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
            }
        };
        try (FrontDoorSystem system = FrontDoorSystem.start(StackSettings.forTests(home, layout.kafkaLibs()), layout,
                true, "local", progress)) {
            for (ServiceProcess service : system.services()) {
                startSeconds.put(service.name(), service.readySeconds());
            }
            restarts(system);
            Http http = new Http(null);
            ExecutorService httpPool = Executors.newFixedThreadPool(4);
            Http loadHttp = new Http(httpPool);
            for (ServiceProcess service : system.services()) {
                startJfr(service, "run");
            }
            Thread sampler = rssSampler(system);
            Limits limits = new Limits(system.stack());
            limits.createDatabase(Limits.SCRATCH_DB);
            if (only.contains("limits")) {
                limits(limits, layout, home);
            }
            String referral = system.service("referral-service").baseUrl();
            String allocation = system.service("allocation-service").baseUrl();
            String metrics = system.service("metrics-service").baseUrl();
            List<String> teams = new ArrayList<>();
            for (int t = 0; t < 20; t++) {
                teams.add("b" + run + "-" + t);
            }
            Ingest ingest = new Ingest(loadHttp.client(), referral, run, teams);
            referralUrl = referral;
            // Freshness first, on a front door in a realistic state (the ingest leaves thousands of contacts undecided).
            if (only.contains("freshness")) {
                freshness(http, teams, referral, allocation, metrics);
            }
            if (only.contains("ingest")) {
                ingest(ingest);
            }
            sampler.interrupt();
            for (ServiceProcess service : system.services()) {
                dumpJfr(service, "run");
            }
            footprint(system);
            if (only.contains("queries")) {
                queries(limits, system, http, metrics);
            }
            if (only.contains("replay")) {
                replay(system, http);
            }
            httpPool.shutdownNow();
            phase("Stopping");
        }
    }

    // ---------------------------------------------------------------- limits

    private void limits(Limits limits, ProjectLayout layout, Path home) throws Exception {
        phase("Limits of this machine: PostgreSQL durable inserts (row + outbox row per transaction)");
        Map<Integer, Double> rates = new LinkedHashMap<>();
        for (int clients : new int[] { 1, 16, 32 }) {
            double rate = limits.insertRate(clients, plan.limitSeconds());
            rates.put(clients, rate);
            System.out.printf("[bench]   %d client(s): %,.0f tx/s%n", clients, rate);
        }
        insertLimit = rates.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double withNotify = limits.insertRate(16, plan.limitSeconds(), true);
        System.out.printf("[bench]   16 clients, each transaction also calling pg_notify (as Outbox.append does): %,.0f tx/s%n",
                withNotify);
        report.add("Limit: PostgreSQL insert (row + outbox row, durable commit)",
                String.format("1 client %s, 16 clients %s, 32 clients %s", Report.rate(rates.get(1)),
                        Report.rate(rates.get(16)), Report.rate(rates.get(32))),
                "insert limit = " + Report.rate(insertLimit) + " tx", "", Verdict.NONE);
        report.add("Limit: the same with pg_notify in every transaction (as the outbox does), 16 clients",
                Report.rate(withNotify) + " tx", Report.ratio(withNotify / insertLimit) + " of insert limit", "",
                Verdict.NONE);

        phase("Limits: batched consumer upsert (dedup insert + upsert per record, " + CONSUMER_BATCH
                + " per transaction, one client)");
        // The median of three: one run into a table that starts empty swung from 27k to 46k events/s between runs of
        // the same code on this machine, more than any change of the consumers moved their ratio to it.
        List<Double> upserts = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            double rate = limits.batchedUpsertRate(CONSUMER_BATCH, plan.limitSeconds());
            upserts.add(rate);
            System.out.printf("[bench]   run %d: %,.0f events/s%n", attempt + 1, rate);
        }
        Collections.sort(upserts);
        upsertLimit = upserts.get(1);
        report.add("Limit: batched upsert (one consumer thread, " + CONSUMER_BATCH + " records/tx)",
                String.format("%s events (median of 3 runs of %.0f s: %s, %s, %s)", Report.rate(upsertLimit),
                        plan.limitSeconds(), Report.rate(upserts.get(0)), Report.rate(upserts.get(1)),
                        Report.rate(upserts.get(2))),
                "upsert limit", "", Verdict.NONE);

        phase("Limits: Kafka ProducerPerformance / ConsumerPerformance (6 partitions, 512 B records)");
        String topic = "bench-perf-" + run;
        limits.createTopic(topic, 6);
        Limits.ToolResult producer = limits.kafkaProducer(layout.kafkaLibs(), home.resolve("logs"), topic,
                plan.kafkaRecords(), 512);
        System.out.println("[bench]   producer: " + producer.line());
        Limits.ToolResult consumer = limits.kafkaConsumer(layout.kafkaLibs(), home.resolve("logs"), topic,
                plan.kafkaRecords());
        System.out.println("[bench]   consumer: " + consumer.line());
        kafkaConsumerLimit = consumer.recordsPerSecond();
        report.add("Limit: Kafka producer (acks=all, idempotent, lz4, batch 256 KiB, linger 20 ms)",
                String.format("%s records (%.1f MB/s), %,d × 512 B", Report.rate(producer.recordsPerSecond()),
                        producer.mbPerSecond(), plan.kafkaRecords()), "", "", Verdict.NONE);
        report.add("Limit: Kafka consumer", String.format("%s records (%.1f MB/s)", Report.rate(kafkaConsumerLimit),
                consumer.mbPerSecond()), "consumer limit", "", Verdict.NONE);
    }

    // ---------------------------------------------------------------- ingest

    private double sustainedIngest = Double.NaN;
    private String referralUrl;

    /** [count, sum in seconds] of the referral-service's successful POST /contacts so far. */
    private double[] serverSide(String baseUrl) {
        Http http = new Http(null);
        return new double[] {
                http.metric(baseUrl, "http_server_requests_seconds_count", "uri=\"/contacts\"", "method=\"POST\"",
                        "status=\"201\""),
                http.metric(baseUrl, "http_server_requests_seconds_sum", "uri=\"/contacts\"", "method=\"POST\"",
                        "status=\"201\"") };
    }

    private void ingest(Ingest ingest) throws Exception {
        phase("Ingest: open-model POST /contacts (HdrHistogram from intended start times)");
        Ingest.Step warmup = ingest.run(50, plan.ingestWarmup(), 500);
        System.out.println("[bench]   warm-up " + warmup.describe());
        Thread.sleep(2000);
        List<Ingest.Step> steps = ingest.search(50, plan.ingestFactor(), plan.ingestStep(), 5000);
        Ingest.Step best = null;
        Ingest.Step failed = null;
        for (Ingest.Step step : steps) {
            if (step.sustained()) {
                best = step;
            } else {
                failed = step;
            }
        }
        if (best != null && failed != null && !plan.quick()) {
            double middle = Math.sqrt(best.offered() * failed.offered());
            Thread.sleep(2000);
            Ingest.Step between = ingest.run(middle, plan.ingestStep(), (int) Math.max(200, middle));
            System.out.println("[bench]   ingest " + between.describe());
            if (between.sustained()) {
                best = between;
            }
        }
        if (best == null) {
            report.add("Ingest: sustained POST /contacts", "not even the first step (50/s) sustained: " + steps.get(0).describe(),
                    "", "≥ 50 % of insert limit", Verdict.MISSED);
            return;
        }
        double sustained = best.achieved();
        double ratio = sustained / insertLimit;
        report.add("Ingest: sustained POST /contacts (all services running)",
                String.format("%s (step %s: p50 %s, p99 %s)", Report.rate(sustained), Report.rate(best.offered()),
                        Report.ms(best.p(50)), Report.ms(best.p(99))),
                Double.isNaN(insertLimit) ? "insert limit not measured"
                        : Report.ratio(ratio) + " of insert limit " + Report.rate(insertLimit),
                "≥ 50 % of insert limit", Double.isNaN(ratio) ? Verdict.NONE : Verdict.of(ratio >= 0.5));
        if (failed != null) {
            report.note("Ingest: first step not sustained: " + failed.describe() + ".");
        }
        double half = sustained / 2;
        phase(String.format("Ingest at half the sustained rate: %s for %.0f s", Report.rate(half),
                plan.ingestHalfSeconds()));
        Thread.sleep(3000);
        ingest.keepCreated = true;
        double[] before = serverSide(referralUrl);
        Ingest.Step halfStep = ingest.run(half, plan.ingestHalfSeconds(), (int) Math.max(200, half));
        double[] after = serverSide(referralUrl);
        ingest.keepCreated = false;
        sustainedIngest = sustained;
        double serverMean = (after[1] - before[1]) / Math.max(1, after[0] - before[0]) * 1000;
        report.note(String.format("Ingest at half rate: the service's own mean time per POST /contacts (Micrometer "
                + "http_server_requests) was %s; the rest of the client's latency is the network, the client and "
                + "queueing for a worker thread.", Report.ms(serverMean)));
        System.out.println("[bench]   ingest " + halfStep.describe());
        report.add("Ingest: latency at half the sustained rate",
                String.format("%s: p50 %s, p99 %s, p99.9 %s, max %s (%,d requests, %d errors)",
                        Report.rate(halfStep.achieved()), Report.ms(halfStep.p(50)), Report.ms(halfStep.p(99)),
                        Report.ms(halfStep.p(99.9)), Report.ms(halfStep.p(100)), halfStep.ok(), halfStep.errors()),
                "", "p99 ≤ 50 ms", Verdict.of(halfStep.p(99) <= 50 && halfStep.errors() == 0));
    }

    // ---------------------------------------------------------------- freshness

    private void freshness(Http http, List<String> teams, String referral, String allocation, String metrics)
            throws Exception {
        double events = 200;
        double referrals = events / 3;
        double warmup = plan.quick() ? 3 : 10;
        phase(String.format("Freshness: %.1f referrals/s (contact received + decided REFERRAL + case opened = %,.0f "
                + "events/s) for %.0f s after %.0f s of warm-up, %d teams watched on the board", referrals, events,
                plan.freshnessSeconds(), warmup, teams.size()));
        Freshness.Result result = new Freshness(http, referral, allocation, metrics).run(run, teams, referrals,
                plan.freshnessSeconds(), warmup);
        double p50Send = Stats.quantile(result.boardFromSend(), 0.5) / 1e6;
        double p99Send = Stats.quantile(result.boardFromSend(), 0.99) / 1e6;
        report.add(String.format("Freshness: referral commit → duty board SSE push at %,.0f events/s", events),
                String.format("from the decision request (upper bound): p50 %s, p99 %s; from its 200 (lower bound): "
                        + "p50 %s, p99 %s, max %s (%,d referrals at %.1f/s, %d failed, %d never on the board)",
                        Report.ms(p50Send), Report.ms(p99Send),
                        Report.ms(Stats.quantile(result.boardFromAck(), 0.5) / 1e6),
                        Report.ms(Stats.quantile(result.boardFromAck(), 0.99) / 1e6),
                        Report.ms(Stats.quantile(result.boardFromAck(), 1.0) / 1e6), result.decided(),
                        result.achievedRate(), result.failed(), result.missingBoard()),
                "", "p99 ≤ 500 ms", Verdict.of(p99Send <= 500 && result.missingBoard() == 0 && result.failed() == 0));
        report.add(String.format("Freshness: referral commit → GET /indicators REFERRALS changes at %,.0f events/s",
                events),
                String.format("from the decision request: p50 %s, p99 %s; from its 200: p50 %s, p99 %s (%d samples: one "
                        + "team's count polled every 20 ms)",
                        Report.ms(Stats.quantile(result.indicatorFromSend(), 0.5) / 1e6),
                        Report.ms(Stats.quantile(result.indicatorFromSend(), 0.99) / 1e6),
                        Report.ms(Stats.quantile(result.indicatorFromAck(), 0.5) / 1e6),
                        Report.ms(Stats.quantile(result.indicatorFromAck(), 0.99) / 1e6), result.indicatorSamples()),
                "", "", Verdict.NONE);
    }

    // ---------------------------------------------------------------- queries

    private void queries(Limits limits, FrontDoorSystem system, Http http, String metrics) throws Exception {
        phase(String.format("Queries: seeding %,d cases over 5 years as facts (metrics-service) and as raw events "
                + "(a batch report's table)", plan.queryCases()));
        Queries queries = new Queries(limits, system.stack().jdbcUrl("frontdoor_metrics"));
        Queries.Seeded seeded = queries.seed(plan.queryCases(), plan.queryExtraContacts());
        System.out.printf("[bench]   %,d cases, %,d contacts, %,d fact rows, %,d raw events in %.0f s%n",
                seeded.cases(), seeded.contacts(), seeded.facts(), seeded.events(), seeded.seconds());
        Queries.Result result = queries.compare(http, metrics, plan.serviceRuns(), plan.rawRuns());
        double serviceMedian = Stats.median(result.serviceMillis());
        long[] serviceNanos = Arrays.stream(result.serviceMillis()).mapToLong(m -> (long) (m * 1e6)).toArray();
        double serviceP99 = Stats.quantile(serviceNanos, 0.99) / 1e6;
        double rawMedian = Stats.median(result.rawMillis());
        double speedup = rawMedian / serviceMedian;
        String agreement = Queries.agreement(result);
        report.add(String.format("Queries: GET /indicators %s..%s, whole LA", Queries.FROM, Queries.TO),
                String.format("median %s, p99 %s (%d runs); %,d cases, %,d contacts, %,d fact rows", Report.ms(serviceMedian),
                        Report.ms(serviceP99), result.serviceMillis().length, seeded.cases(), seeded.contacts(),
                        seeded.facts()),
                "", "≤ 100 ms", Verdict.of(serviceP99 <= 100));
        report.add("Queries: the same numbers by plain SQL over raw events (jsonb, batch-report style)",
                String.format("median %s (%d runs, %,d raw events); %s", Report.ms(rawMedian), result.rawMillis().length,
                        seeded.events(), agreement),
                String.format("GET /indicators is %,.0f × faster", speedup), "≥ 100 × faster", Verdict.of(speedup >= 100));
        String breakdown = queries.breakdown(jfrDir.getParent().resolve("queries-breakdown.txt"));
        report.note("Queries: where GET /indicators' time goes: " + breakdown
                + "; the EXPLAIN of the slowest is in bench/target/queries-breakdown.txt.");
        report.note("Queries: the raw-SQL report computes " + Queries.COMPARED.size() + " of the indicators ("
                + String.join(", ", Queries.COMPARED) + ") in one statement; GET /indicators answers all of them plus "
                + "the rest in its time, so the ratio is conservative. Facts seeded with COPY like IndicatorBenchmark, "
                + String.format("in %.0f s with the raw events.", seeded.seconds()));
    }

    // ---------------------------------------------------------------- replay

    private void replay(FrontDoorSystem system, Http http) throws Exception {
        phase(String.format("Replay: %,d referral events produced straight to the topic, consumers stopped", plan.replayEvents()));
        Replay.validateShapes();
        system.service("allocation-service").close();
        system.service("metrics-service").close();
        long began = System.nanoTime();
        long produced = Replay.produce(system.stack().kafkaBootstrapServers(), run, plan.replayEvents());
        double produceSeconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("[bench]   produced %,d events in %.1f s (%s)%n", produced, produceSeconds,
                Report.rate(produced / produceSeconds));
        List<Replay.CatchUp> results = new ArrayList<>();
        for (String service : List.of("allocation-service", "metrics-service")) {
            phase("Replay: " + service + " catching up on " + String.format("%,d", produced) + " events");
            long start = System.nanoTime();
            ServiceProcess restarted = system.restart(service);
            double ready = (System.nanoTime() - start) / 1e9;
            startJfr(restarted, "replay");
            // Within the run's budget (30 minutes for the full run): what is left, shared by what is still to measure.
            double left = plan.budgetMinutes() * 60 - (System.nanoTime() - runStarted) / 1e9 - 60;
            double limit = Math.max(45, Math.min(plan.replayLimitSeconds(),
                    left / ("allocation-service".equals(service) ? 2 : 1) - 30));
            Replay.CatchUp catchUp = Replay.measure(http, service, restarted.baseUrl(), service, produced, limit, ready,
                    restarted.pid());
            dumpJfr(restarted, "replay");
            // Stopped again, so the next service catches up with the machine to itself.
            restarted.close();
            System.out.printf("[bench]   %s: %,d events applied in %.0f s: %s overall, %s steady%n", service,
                    catchUp.applied(), catchUp.seconds(), Report.rate(catchUp.rate()), Report.rate(catchUp.steadyRate()));
            results.add(catchUp);
        }
        for (Replay.CatchUp c : results) {
            String figure = String.format("%s events (%,d of %,d applied in %.0f s%s; steady 10–90 %%: %s)",
                    Report.rate(c.rate()), c.applied(), produced, c.seconds(), c.complete() ? "" : ", time limit hit",
                    Report.rate(c.steadyRate()));
            report.add(String.format("Consumer: %s catch-up on a %,d-event backlog", c.service(), produced), figure,
                    Report.ratio(c.rate() / upsertLimit) + " of batched upsert limit " + Report.rate(upsertLimit)
                            + "; " + Report.ratio(c.rate() / kafkaConsumerLimit) + " of Kafka consumer limit "
                            + Report.rate(kafkaConsumerLimit),
                    "≥ 50 % of batched upsert limit",
                    Double.isNaN(upsertLimit) ? Verdict.NONE : Verdict.of(c.rate() >= 0.5 * upsertLimit));
            report.add("Replay: " + c.service() + " events/s", Report.rate(c.rate()), "", "≥ 20,000/s",
                    Verdict.of(c.rate() >= 20_000));
            report.note(String.format("Replay: %s took %.1f s from restart to ready while consuming; highest RSS while "
                    + "catching up %.0f MB.", c.service(), c.startSeconds(), c.maxRssMb()));
        }
        report.note(String.format("Replay: %,d events (6 per case: two contacts received and decided, case opened and "
                + "closed; validated against the schemas) produced in %.1f s with a batched lz4 producer while both "
                + "consumers were stopped; each service then restarted alone and timed from its first applied event "
                + "(frontdoor_consumer_events_total).", produced, produceSeconds));
    }

    // ---------------------------------------------------------------- footprint

    private Thread rssSampler(FrontDoorSystem system) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ServiceProcess service : system.services()) {
                    double rss = Http.rssMb(service.pid());
                    if (!Double.isNaN(rss)) {
                        maxRss.merge(service.name(), rss, Math::max);
                        maxThreads.merge(service.name(), Http.threads(service.pid()), Math::max);
                    }
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    /**
     * Start-up. A service's start is timed twice: its first start, on an empty database (its migrations run) right
     * after Kafka, PostgreSQL and the services before it started, which are still busy starting (and, for a build
     * that has not run here yet, recording its class archive: deploy/local's ClassArchive); and {@value #RESTARTS}
     * restarts on the settled stack, as a deployment restarts a service, each after {@value #SETTLE_SECONDS} s of
     * quiet. The target is judged on the restarts' median; both are reported. The load phases then run on the
     * restarted services.
     */
    private void restarts(FrontDoorSystem system) throws Exception {
        phase(String.format("Start-up: each service restarted %d times on the running stack", RESTARTS));
        for (String name : SERVICES) {
            double[] seconds = new double[RESTARTS];
            for (int i = 0; i < RESTARTS; i++) {
                Thread.sleep(SETTLE_SECONDS * 1000L);
                seconds[i] = system.restart(name).readySeconds();
                System.out.printf("[bench]   %s restarted on the running stack: ready in %.2f s%n", name, seconds[i]);
            }
            restartSeconds.put(name, seconds);
        }
    }

    private void footprint(FrontDoorSystem system) {
        for (ServiceProcess service : system.services()) {
            Double first = startSeconds.get(service.name());
            double[] restarts = restartSeconds.get(service.name());
            double[] sorted = restarts.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            Double rss = maxRss.get(service.name());
            report.add("Footprint: " + service.name() + " start (JVM launch → /q/health/ready)",
                    String.format("restart on the running stack: median %.1f s (%s); first start, empty database, "
                            + "stack starting: %s", median,
                            Arrays.stream(restarts).mapToObj(x -> String.format("%.1f", x))
                                    .collect(Collectors.joining(", ")),
                            first == null ? "n/a" : String.format("%.1f s", first)),
                    "", "≤ 5 s", Verdict.of(median <= 5));
            report.add("Footprint: " + service.name() + " RSS, highest from start through the ingest and freshness load",
                    rss == null ? "n/a" : String.format("%.0f MB (-Xmx192m, SerialGC; at most %d threads)", rss,
                            maxThreads.getOrDefault(service.name(), -1)), "", "≤ 350 MB",
                    rss == null ? Verdict.NONE : Verdict.of(rss <= 350));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void startJfr(ServiceProcess service, String name) {
        if (!jfr) {
            return;
        }
        jcmd(service.pid(), "JFR.start", "name=" + name, "settings=profile");
    }

    private void dumpJfr(ServiceProcess service, String name) {
        if (!jfr) {
            return;
        }
        try {
            Files.createDirectories(jfrDir);
        } catch (IOException e) {
            return;
        }
        Path file = jfrDir.resolve(service.name() + "-" + name + ".jfr");
        jcmd(service.pid(), "JFR.dump", "name=" + name, "filename=" + file);
        System.out.println("[bench]   JFR recording of " + service.name() + ": " + file);
    }

    private static void jcmd(long pid, String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> args = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            System.out.println("[bench]   jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void phase(String what) {
        System.out.printf("%n[bench] === %s (%.1f min into the run)%n", what, (System.nanoTime() - runStarted) / 60e9);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static String machine(Path root) {
        String os = "?";
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    os = line.substring(12).replace("\"", "");
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // leave unknown
        }
        String commit = git(root, "rev-parse", "--short", "HEAD");
        String dirty = git(root, "status", "--porcelain", "--untracked-files=no");
        long changed = dirty.isBlank() ? 0 : dirty.lines().count();
        return String.format("Machine: %d cores, %.0f GiB RAM, %s (Linux %s), Java %s (%s). Commit %s%s. Load average "
                + "(1 min) at the start %s.", Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, os,
                System.getProperty("os.version"), Runtime.version(), System.getProperty("java.vm.vendor"),
                commit.isBlank() ? "?" : commit,
                changed == 0 ? "" : " with " + changed + " uncommitted changed file(s) in the working tree",
                loadAverage());
    }

    private static String git(Path root, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return p.exitValue() == 0 ? out : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
