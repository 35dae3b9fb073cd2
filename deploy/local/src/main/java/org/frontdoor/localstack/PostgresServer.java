package org.frontdoor.localstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from Maven artifacts (no system package, no Docker), holding one database
 * per service as ARCHITECTURE.md requires.
 */
final class PostgresServer implements AutoCloseable {

    static final List<String> DATABASES = List.of("frontdoor_referral", "frontdoor_allocation", "frontdoor_metrics");
    static final String USER = "postgres";
    /** Set (to anything) to load pg_stat_statements, tracking statements inside functions and triggers too. */
    static final String STATEMENT_STATISTICS = "FRONTDOOR_POSTGRES_STATEMENT_STATISTICS";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start(StackSettings settings, int port) throws IOException {
        Files.createDirectories(settings.postgresBinaries());
        Files.createDirectories(settings.logs());
        Redirect log = Redirect.appendTo(settings.logs().resolve("postgres.log").toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (System.getenv(STATEMENT_STATISTICS) != null) {
            // Profiling aid: per-statement times in pg_stat_statements (CREATE EXTENSION in the database to read).
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        EmbeddedPostgres postgres = builder
                .setPort(port)
                .setDataDirectory(settings.postgresData())
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(settings.postgresBinaries().toFile())
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "UTC")
                // Sized for a machine that holds the facts of a large authority (docs/decisions.md): the default
                // 128 MB of buffers and 1 GB of WAL between checkpoints made a catch-up on 6 M fact rows read index
                // pages back from the OS and log whole pages after a checkpoint every 15-20 s.
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("max_wal_size", "4GB")
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        PostgresServer server = new PostgresServer(postgres);
        server.createDatabases();
        return server;
    }

    private void createDatabases() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement create = connection.createStatement();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            for (String database : DATABASES) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (!rows.next()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the Front Door databases: " + e.getMessage(), e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
