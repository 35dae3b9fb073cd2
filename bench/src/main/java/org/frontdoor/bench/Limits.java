package org.frontdoor.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.frontdoor.localstack.LocalStack;

/**
 * What this machine can do at most, measured in the same run as the services: durable PostgreSQL
 * transactions of a row plus an outbox row, the batched dedup-insert + upsert a consumer does, and Kafka's
 * own producer and consumer performance tools against the local broker.
 */
final class Limits {

    static final String SCRATCH_DB = "bench_scratch";

    private static final String OUTBOX_PAYLOAD = "{\"contactId\":\"%s\",\"childRef\":\"bench-%d\",\"occurredAt\":\"%s\","
            + "\"source\":\"2A\",\"channel\":\"EMAIL\",\"outOfHours\":false,\"team\":\"bench\",\"decisionDueBy\":"
            + "\"2026-11-27\",\"child\":{\"birthMonth\":\"2015-06\",\"gender\":\"1\",\"ethnicity\":\"WBRI\"}}";

    private final LocalStack stack;

    Limits(LocalStack stack) {
        this.stack = stack;
    }

    String stackUrl(String database) {
        return stack.jdbcUrl(database);
    }

    String scratchUrl() {
        return stack.jdbcUrl(SCRATCH_DB);
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, stack.databaseUser(), stack.databaseUser());
    }

    /** Creates (afresh) a scratch database in the stack's PostgreSQL, outside every service's. */
    void createDatabase(String name) throws SQLException {
        try (Connection c = connect(stack.jdbcUrl("postgres")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
    }

    /**
     * Durable transactions per second of one contact-shaped row plus one outbox-shaped row (synchronous_commit
     * on), with the given number of clients for the given seconds.
     */
    double insertRate(int clients, double seconds) throws Exception {
        return insertRate(clients, seconds, false);
    }

    /** As {@link #insertRate(int, double)}, optionally with a {@code pg_notify} in every transaction, as the outbox does. */
    double insertRate(int clients, double seconds, boolean notify) throws Exception {
        try (Connection c = connect(scratchUrl()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS contact_x, outbox_x");
            s.execute("""
                    CREATE TABLE contact_x (id UUID PRIMARY KEY, child_ref TEXT NOT NULL, received_at TIMESTAMPTZ NOT NULL,
                      source TEXT NOT NULL, channel TEXT NOT NULL, out_of_hours BOOLEAN NOT NULL, team TEXT NOT NULL,
                      decision_due_by DATE NOT NULL, status TEXT NOT NULL)""");
            s.execute("""
                    CREATE TABLE outbox_x (seq BIGSERIAL PRIMARY KEY, event_id UUID NOT NULL UNIQUE, topic TEXT NOT NULL,
                      event_key TEXT NOT NULL, ce_type TEXT NOT NULL, ce_source TEXT NOT NULL, ce_subject TEXT NOT NULL,
                      ce_time TIMESTAMPTZ NOT NULL, payload TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                      sent_at TIMESTAMPTZ)""");
            s.execute("CREATE INDEX outbox_x_unsent ON outbox_x (seq) WHERE sent_at IS NULL");
            s.execute("CREATE INDEX contact_x_team ON contact_x (team, received_at)");
        }
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            work.add(pool.submit(() -> {
                try (Connection c = connect(scratchUrl())) {
                    c.setAutoCommit(false);
                    try (PreparedStatement contact = c.prepareStatement(
                            "INSERT INTO contact_x VALUES (?, ?, ?, '2A', 'EMAIL', false, 'bench', DATE '2026-11-27', 'AWAITING_DECISION')");
                            PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox_x (event_id, topic, event_key, "
                                    + "ce_type, ce_source, ce_subject, ce_time, payload) VALUES (?, 'frontdoor.referral.events', ?, "
                                    + "'frontdoor.contact.received.v1', '/frontdoor/referral-service', ?, ?, ?)")) {
                        long n = 0;
                        while (System.nanoTime() < end) {
                            UUID id = Ids.next();
                            Instant now = Instant.now();
                            String child = "bench-" + (n++);
                            contact.setObject(1, id);
                            contact.setString(2, child);
                            contact.setTimestamp(3, Timestamp.from(now));
                            contact.executeUpdate();
                            outbox.setObject(1, Ids.next());
                            outbox.setString(2, child);
                            outbox.setString(3, id.toString());
                            outbox.setTimestamp(4, Timestamp.from(now));
                            outbox.setString(5, String.format(OUTBOX_PAYLOAD, id, n, now));
                            outbox.executeUpdate();
                            if (notify) {
                                try (Statement n2 = c.createStatement()) {
                                    n2.execute("SELECT pg_notify('bench_outbox', '')");
                                }
                            }
                            c.commit();
                            done.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - began) / 1e9);
    }

    /**
     * Events per second one consumer thread can apply when it does what the consumer loop does, batched: per
     * record a dedup insert into processed_event and an upsert of a fact row, {@code batch} records per durable
     * transaction.
     */
    double batchedUpsertRate(int batch, double seconds) throws Exception {
        try (Connection c = connect(scratchUrl()); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS processed_x, fact_x");
            s.execute("CREATE TABLE processed_x (event_id UUID PRIMARY KEY, processed_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            s.execute("""
                    CREATE TABLE fact_x (contact_id UUID PRIMARY KEY, child_ref TEXT NOT NULL, team TEXT NOT NULL,
                      source TEXT NOT NULL, received_at TIMESTAMPTZ NOT NULL, received_date DATE NOT NULL,
                      decided_at TIMESTAMPTZ, outcome TEXT, events INTEGER NOT NULL)""");
            s.execute("CREATE INDEX fact_x_team ON fact_x (team, received_date)");
        }
        long events = 0;
        long began = System.nanoTime();
        long end = began + (long) (seconds * 1e9);
        Properties props = new Properties();
        props.put("user", stack.databaseUser());
        props.put("password", stack.databaseUser());
        props.put("reWriteBatchedInserts", "true");
        try (Connection c = DriverManager.getConnection(scratchUrl(), props)) {
            c.setAutoCommit(false);
            try (PreparedStatement dedup = c.prepareStatement(
                    "INSERT INTO processed_x (event_id) VALUES (?) ON CONFLICT DO NOTHING");
                    PreparedStatement upsert = c.prepareStatement("""
                            INSERT INTO fact_x (contact_id, child_ref, team, source, received_at, received_date, events)
                            VALUES (?, ?, 'bench', '2A', ?, ?, 1)
                            ON CONFLICT (contact_id) DO UPDATE SET events = fact_x.events + 1,
                              decided_at = now(), outcome = 'NO_FURTHER_ACTION'""")) {
                long n = 0;
                UUID[] previous = new UUID[batch];
                UUID[] current = new UUID[batch];
                while (System.nanoTime() < end) {
                    for (int i = 0; i < batch; i++) {
                        // Half the records update a contact new in the previous batch (a decision after a receipt).
                        UUID contact = (i % 2 == 1 && previous[i - 1] != null) ? previous[i - 1] : Ids.next();
                        current[i] = contact;
                        Instant now = Instant.now();
                        dedup.setObject(1, Ids.next());
                        dedup.addBatch();
                        upsert.setObject(1, contact);
                        upsert.setString(2, "bench-" + (n++));
                        upsert.setTimestamp(3, Timestamp.from(now));
                        upsert.setObject(4, java.time.LocalDate.now());
                        upsert.addBatch();
                    }
                    UUID[] swap = previous;
                    previous = current;
                    current = swap;
                    dedup.executeBatch();
                    upsert.executeBatch();
                    c.commit();
                    events += batch;
                }
            }
        }
        return events / ((System.nanoTime() - began) / 1e9);
    }

    /** A result line of one of Kafka's perf tools, as header → value. */
    record ToolResult(double recordsPerSecond, double mbPerSecond, String line) {
    }

    void createTopic(String topic, int partitions) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                    .configs(Map.of("min.insync.replicas", "1")))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Kafka's ProducerPerformance: acks=all, idempotent, batched and lz4 as a bulk producer would send. */
    ToolResult kafkaProducer(Path kafkaLibs, Path logs, String topic, long records, int recordSize)
            throws IOException, InterruptedException {
        String out = runTool(kafkaLibs, logs.resolve("producer-perf.log"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", topic, "--num-records", Long.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + stack.kafkaBootstrapServers(),
                "acks=all", "enable.idempotence=true", "batch.size=262144", "linger.ms=20", "compression.type=lz4");
        // "1000000 records sent, 181000.2 records/sec (34.52 MB/sec), 120.3 ms avg latency, ..."
        // The tool prints a line every 5 s and the summary last (the one with percentiles).
        String[] lines = out.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i];
            if (line.contains("records sent,") && line.contains("records/sec") && line.contains("50th")) {
                String[] parts = line.split(",");
                double rps = Double.parseDouble(parts[1].trim().split(" ")[0]);
                String mb = parts[1].substring(parts[1].indexOf('(') + 1, parts[1].indexOf(" MB"));
                return new ToolResult(rps, Double.parseDouble(mb.trim()), line.trim());
            }
        }
        throw new IOException("ProducerPerformance printed no summary:\n" + out);
    }

    /** Kafka's ConsumerPerformance over the records the producer test wrote. */
    ToolResult kafkaConsumer(Path kafkaLibs, Path logs, String topic, long records)
            throws IOException, InterruptedException {
        String out = runTool(kafkaLibs, logs.resolve("consumer-perf.log"), "org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", stack.kafkaBootstrapServers(), "--topic", topic, "--messages",
                Long.toString(records), "--group", "bench-perf-" + UUID.randomUUID().toString().substring(0, 8),
                "--timeout", "60000");
        String[] lines = out.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].startsWith("start.time")) {
                String[] names = lines[i].split(",\\s*");
                String[] values = lines[i + 1].split(",\\s*");
                double rps = Double.NaN;
                double mbs = Double.NaN;
                for (int k = 0; k < names.length && k < values.length; k++) {
                    if (names[k].trim().equals("nMsg.sec")) {
                        rps = Double.parseDouble(values[k].trim());
                    } else if (names[k].trim().equals("MB.sec")) {
                        mbs = Double.parseDouble(values[k].trim());
                    }
                }
                return new ToolResult(rps, mbs, lines[i + 1].trim());
            }
        }
        throw new IOException("ConsumerPerformance printed no summary:\n" + out);
    }

    private static String runTool(Path kafkaLibs, Path log, String mainClass, String... args)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", kafkaLibs.resolve("*").toString()
                + File.pathSeparator, mainClass));
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(mainClass + " did not finish in 5 minutes; see " + log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(mainClass + " failed (" + process.exitValue() + "):\n" + out);
        }
        return out;
    }
}
