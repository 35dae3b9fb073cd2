package org.frontdoor.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the monitoring files of the repository (docs/observability.md): the Prometheus configuration and alert
 * rules with promtool (syntax and the PromQL unit tests in deploy/prometheus/tests), that every alert is complete and
 * has a runbook and tests, the Alertmanager configuration, the Grafana provisioning and dashboards, and
 * docker-compose.yml.
 *
 * <p>promtool (Debian package {@code prometheus}) and docker-compose (package {@code docker-compose}) are external
 * tools: a check that needs one is skipped when it is not on the PATH, except when the environment variable
 * {@code CI=true}, where it fails. amtool (package {@code prometheus-alertmanager}) is optional everywhere.
 */
class MonitoringConfigTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path PROMETHEUS = ROOT.resolve("deploy/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules");
    private static final Path RULE_TESTS = PROMETHEUS.resolve("tests");
    private static final Path ALERTMANAGER = ROOT.resolve("deploy/alertmanager/alertmanager.yml");
    private static final Path GRAFANA = ROOT.resolve("deploy/grafana");
    private static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
    private static final Path RUNBOOKS = ROOT.resolve("docs/runbooks");
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    /** Every runbook_url is this base followed by the runbook's path in the repository. */
    private static final String RUNBOOK_BASE = "https://github.com/frontdoor/frontdoor/blob/main/";
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");
    private static final Set<String> AUDIENCES = Set.of("duty-manager", "platform");
    private static final Set<String> EXPECTED_DASHBOARDS = Set.of("front-door-flow.json",
            "allocation-and-caseloads.json", "timeliness-against-targets.json");

    /**
     * The Front Door meters (Prometheus names) the services export: service-kit (outbox, consumers),
     * allocation-service (AlertMeters), metrics-service (FlowMeters, AwaitingDecisionGauge), and the gauges agreed
     * with metrics-service (contacts decision overdue, assessments, ICPC). A rule or panel using any other name is a
     * typo or a meter nobody exports.
     */
    private static final Set<String> FRONTDOOR_METRICS = Set.of(
            "frontdoor_outbox_pending", "frontdoor_outbox_oldest_pending_age_seconds",
            "frontdoor_outbox_published_total",
            "frontdoor_consumer_events_total", "frontdoor_consumer_dead_letters_total",
            "frontdoor_queue_unallocated", "frontdoor_queue_oldest_wait_working_days",
            "frontdoor_workers_over_threshold", "frontdoor_alerts_active",
            "frontdoor_contacts_received_total", "frontdoor_contacts_decided_total", "frontdoor_cases_opened_total",
            "frontdoor_contacts_awaiting_decision", "frontdoor_contacts_decision_overdue",
            "frontdoor_assessments_overdue", "frontdoor_assessments_due_soon", "frontdoor_icpc_overdue");

    /**
     * The other meters the files use, as seen on a running service: Kafka client metrics (Micrometer
     * KafkaClientMetrics) and Quarkus HTTP server metrics.
     */
    private static final Set<String> OTHER_METRICS = Set.of(
            "kafka_consumer_fetch_manager_records_lag", "kafka_consumer_last_poll_seconds_ago",
            "http_server_requests_seconds_count");

    private static final Pattern FRONTDOOR_NAME = Pattern.compile("\\b(frontdoor_[a-z0-9_]+)");
    private static final Pattern OTHER_NAME = Pattern.compile("\\b((kafka|http_server)_[a-z0-9_]+)");
    private static final Pattern DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");

    private static final ObjectMapper JSON = new ObjectMapper();

    // ------------------------------------------------------------------------------------------ Prometheus

    @Test
    void promtoolAcceptsTheRules() {
        List<String> command = new ArrayList<>(List.of(tool("promtool", "prometheus"), "check", "rules"));
        ruleFiles().forEach(f -> command.add(ROOT.relativize(f).toString()));
        run(command);
    }

    @Test
    void promtoolAcceptsThePrometheusConfiguration() {
        run(List.of(tool("promtool", "prometheus"), "check", "config", "deploy/prometheus/prometheus.yml"));
    }

    @Test
    void promtoolUnitTestsOfTheRulesPass() {
        List<Path> tests = ruleTestFiles();
        assertFalse(tests.isEmpty(), "no PromQL unit tests in " + RULE_TESTS);
        List<String> command = new ArrayList<>(List.of(tool("promtool", "prometheus"), "test", "rules"));
        tests.forEach(f -> command.add(ROOT.relativize(f).toString()));
        run(command);
    }

    @Test
    void theConfigurationScrapesEveryServiceAndLoadsTheRules() {
        Map<String, Object> config = yaml(PROMETHEUS.resolve("prometheus.yml"));
        Map<String, String> targets = new LinkedHashMap<>();
        for (Map<String, Object> job : maps(config.get("scrape_configs"))) {
            for (Map<String, Object> statics : maps(job.get("static_configs"))) {
                for (Object target : list(statics.get("targets"))) {
                    targets.put((String) job.get("job_name"), target + " " + job.get("metrics_path"));
                }
            }
        }
        assertEquals("referral-service:8081 /q/metrics", targets.get("referral-service"));
        assertEquals("allocation-service:8082 /q/metrics", targets.get("allocation-service"));
        assertEquals("metrics-service:8083 /q/metrics", targets.get("metrics-service"));
        assertEquals(List.of("rules/*.rules.yml"), config.get("rule_files"));
        assertTrue(String.valueOf(config.get("alerting")).contains("alertmanager:9093"),
                "Prometheus sends alerts to alertmanager:9093");
    }

    // ------------------------------------------------------------------------------------------ Alert rules

    @Test
    void everyAlertHasForSeverityAudienceSummaryDescriptionAndRunbook() {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Map<String, Object> alert : alerts()) {
            String name = (String) alert.get("alert");
            if (!names.add(name)) {
                problems.add(name + ": defined twice");
            }
            if (!name.matches("[A-Z][A-Za-z0-9]+")) {
                problems.add(name + ": alert names are UpperCamelCase");
            }
            Object duration = alert.get("for");
            if (duration == null || !DURATION.matcher(duration.toString()).matches()) {
                problems.add(name + ": needs a `for` duration, has " + duration);
            }
            Map<String, Object> labels = map(alert.get("labels"));
            if (!SEVERITIES.contains(labels.get("severity"))) {
                problems.add(name + ": labels.severity must be one of " + SEVERITIES + ", is " + labels.get("severity"));
            }
            if (!AUDIENCES.contains(labels.get("audience"))) {
                problems.add(name + ": labels.audience must be one of " + AUDIENCES + ", is " + labels.get("audience"));
            }
            Map<String, Object> annotations = map(alert.get("annotations"));
            for (String key : List.of("summary", "description", "runbook_url")) {
                if (annotations.get(key) == null || annotations.get(key).toString().isBlank()) {
                    problems.add(name + ": needs annotations." + key);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(names.isEmpty(), "no alert rules in " + RULES);
    }

    @Test
    void everyRunbookUrlNamesAnExistingRunbookNamedAfterTheAlert() {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> alert : alerts()) {
            String name = (String) alert.get("alert");
            String url = String.valueOf(map(alert.get("annotations")).get("runbook_url"));
            String expected = RUNBOOK_BASE + "docs/runbooks/" + kebab(name) + ".md";
            if (!url.equals(expected)) {
                problems.add(name + ": runbook_url should be " + expected + ", is " + url);
            }
            if (url.startsWith(RUNBOOK_BASE)) {
                Path runbook = ROOT.resolve(url.substring(RUNBOOK_BASE.length())).normalize();
                if (!runbook.startsWith(RUNBOOKS) || !Files.isRegularFile(runbook)) {
                    problems.add(name + ": runbook " + ROOT.relativize(runbook) + " does not exist");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyRunbookBelongsToAnAlertAndIsInTheIndex() throws IOException {
        Set<String> expected = new TreeSet<>();
        alerts().forEach(a -> expected.add(kebab((String) a.get("alert")) + ".md"));
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".md") && !f.equals("README.md"))
                    .forEach(present::add);
        }
        assertEquals(expected, present, "docs/runbooks holds exactly one runbook per alert");
        String index = Files.readString(RUNBOOKS.resolve("README.md"));
        for (String runbook : expected) {
            assertTrue(index.contains("(" + runbook + ")"), "docs/runbooks/README.md links " + runbook);
        }
        for (String runbook : expected) {
            String text = Files.readString(RUNBOOKS.resolve(runbook));
            for (String section : List.of("## What it means", "## Who cares", "## First checks", "## Resolve",
                    "## Escalate")) {
                assertTrue(text.contains(section), runbook + " has a section " + section);
            }
        }
    }

    @Test
    void everyAlertHasUnitTestsThatFireItAndThatKeepItQuiet() {
        Set<String> fired = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        Set<String> testedRuleFiles = new HashSet<>();
        for (Path file : ruleTestFiles()) {
            Map<String, Object> spec = yaml(file);
            for (Object ruleFile : list(spec.get("rule_files"))) {
                testedRuleFiles.add(file.getParent().resolve(ruleFile.toString()).normalize().toString());
            }
            for (Map<String, Object> group : maps(spec.get("tests"))) {
                for (Map<String, Object> check : maps(group.get("alert_rule_test"))) {
                    String name = (String) check.get("alertname");
                    if (list(check.get("exp_alerts")).isEmpty()) {
                        quiet.add(name);
                    } else {
                        fired.add(name);
                    }
                }
            }
        }
        Set<String> names = new TreeSet<>();
        alerts().forEach(a -> names.add((String) a.get("alert")));
        Set<String> neverFired = new TreeSet<>(names);
        neverFired.removeAll(fired);
        Set<String> neverQuiet = new TreeSet<>(names);
        neverQuiet.removeAll(quiet);
        assertTrue(neverFired.isEmpty(), "alerts with no unit test in which they fire: " + neverFired);
        assertTrue(neverQuiet.isEmpty(), "alerts with no unit test in which they stay quiet: " + neverQuiet);
        for (Path ruleFile : ruleFiles()) {
            assertTrue(testedRuleFiles.contains(ruleFile.normalize().toString()),
                    "no unit test loads " + ROOT.relativize(ruleFile));
        }
    }

    @Test
    void rulesAndDashboardsUseOnlyMetricsTheServicesExport() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> rule : rules()) {
            checkMetricNames("rule " + rule.getOrDefault("alert", rule.get("record")), (String) rule.get("expr"),
                    problems);
        }
        for (Path dashboard : dashboardFiles()) {
            for (JsonNode target : JSON.readTree(dashboard.toFile()).findValues("targets")) {
                for (JsonNode query : target) {
                    checkMetricNames(dashboard.getFileName() + " " + query.path("expr").asText(),
                            query.path("expr").asText(), problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ------------------------------------------------------------------------------------------ Alertmanager

    @Test
    void alertmanagerRoutesEveryAudienceToADeclaredReceiver() {
        Map<String, Object> config = yaml(ALERTMANAGER);
        Set<String> receivers = new HashSet<>();
        maps(config.get("receivers")).forEach(r -> receivers.add((String) r.get("name")));
        Map<String, Object> route = map(config.get("route"));
        List<String> used = new ArrayList<>(List.of((String) route.get("receiver")));
        maps(route.get("routes")).forEach(r -> used.add((String) r.get("receiver")));
        for (String receiver : used) {
            assertTrue(receivers.contains(receiver), "route to undeclared receiver " + receiver);
        }
        Optional<Path> amtool = onPath("amtool");
        Assumptions.assumeTrue(amtool.isPresent(),
                "amtool not installed (apt-get install prometheus-alertmanager): Alertmanager syntax not checked");
        String amtoolPath = amtool.get().toString();
        String file = ROOT.relativize(ALERTMANAGER).toString();
        run(List.of(amtoolPath, "check-config", file));
        run(List.of(amtoolPath, "config", "routes", "test", "--config.file=" + file,
                "--verify.receivers=duty-managers", "audience=duty-manager", "severity=warning", "team=north"));
        run(List.of(amtoolPath, "config", "routes", "test", "--config.file=" + file,
                "--verify.receivers=platform-on-call", "audience=platform", "severity=critical"));
        run(List.of(amtoolPath, "config", "routes", "test", "--config.file=" + file,
                "--verify.receivers=platform-team", "audience=platform", "severity=warning"));
    }

    // ------------------------------------------------------------------------------------------ Grafana

    @Test
    void dashboardsAreValidAndQueryTheProvisionedDataSource() throws IOException {
        String uid = provisionedDataSourceUid();
        Set<String> files = new TreeSet<>();
        dashboardFiles().forEach(f -> files.add(f.getFileName().toString()));
        assertTrue(files.containsAll(EXPECTED_DASHBOARDS), "dashboards " + EXPECTED_DASHBOARDS + ", found " + files);

        List<String> problems = new ArrayList<>();
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Path file : dashboardFiles()) {
            String name = file.getFileName().toString();
            JsonNode dashboard = JSON.readTree(file.toFile());
            String dashboardUid = dashboard.path("uid").asText("");
            if (!dashboardUid.matches("[A-Za-z0-9_-]{1,40}") || !uids.add(dashboardUid)) {
                problems.add(name + ": uid missing, invalid or not unique: '" + dashboardUid + "'");
            }
            String title = dashboard.path("title").asText("");
            if (title.isBlank() || !titles.add(title)) {
                problems.add(name + ": title missing or not unique");
            }
            if (dashboard.path("schemaVersion").asInt() < 36) {
                problems.add(name + ": schemaVersion " + dashboard.path("schemaVersion") + " is too old");
            }
            if (dashboard.hasNonNull("id")) {
                // A provisioned dashboard must not carry the database id of the instance it was exported from.
                problems.add(name + ": remove the instance-specific \"id\"");
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.has("datasource") && !uid.equals(variable.path("datasource").path("uid").asText())) {
                    problems.add(name + ": variable " + variable.path("name") + " uses data source "
                            + variable.path("datasource"));
                }
            }
            List<JsonNode> panels = new ArrayList<>();
            for (JsonNode panel : dashboard.path("panels")) {
                panels.add(panel);
                panel.path("panels").forEach(panels::add);
            }
            if (panels.stream().noneMatch(p -> p.has("targets"))) {
                problems.add(name + ": no panel with a query");
            }
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : panels) {
                String label = name + " panel '" + panel.path("title").asText() + "'";
                if (!ids.add(panel.path("id").asInt(-1))) {
                    problems.add(label + ": id missing or not unique");
                }
                if (panel.path("title").asText().isBlank()) {
                    problems.add(label + ": no title");
                }
                if (!panel.path("gridPos").has("w") || !panel.path("gridPos").has("h")) {
                    problems.add(label + ": no gridPos");
                }
                String type = panel.path("type").asText();
                if (type.equals("row") || type.equals("text")) {
                    continue;
                }
                if (!uid.equals(panel.path("datasource").path("uid").asText())) {
                    problems.add(label + ": data source " + panel.path("datasource") + ", expected uid " + uid);
                }
                if (panel.path("targets").isEmpty()) {
                    problems.add(label + ": no query");
                }
                for (JsonNode target : panel.path("targets")) {
                    if (target.has("datasource") && !uid.equals(target.path("datasource").path("uid").asText())) {
                        problems.add(label + ": query data source " + target.path("datasource"));
                    }
                    if (target.path("expr").asText().isBlank()) {
                        problems.add(label + ": empty query");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ------------------------------------------------------------------------------------------ docker-compose

    @Test
    void dockerComposeMountsTheMonitoringFilesWhereTheyAreExpected() {
        Map<String, Object> services = map(yaml(COMPOSE).get("services"));
        List<String> prometheus = volumes(services, "prometheus");
        assertTrue(prometheus.contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"),
                "prometheus mounts its configuration: " + prometheus);
        assertTrue(prometheus.contains("./deploy/prometheus/rules:/etc/prometheus/rules:ro"),
                "prometheus mounts the rules next to its configuration (rule_files is relative): " + prometheus);
        assertTrue(volumes(services, "alertmanager")
                .contains("./deploy/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro"));
        String dashboardPath = (String) map(maps(yaml(GRAFANA.resolve("provisioning/dashboards/dashboards.yml"))
                .get("providers")).get(0).get("options")).get("path");
        List<String> grafana = volumes(services, "grafana");
        assertTrue(grafana.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro"), grafana::toString);
        assertTrue(grafana.contains("./deploy/grafana/dashboards:" + dashboardPath + ":ro"),
                "grafana mounts the dashboards where the provider reads them (" + dashboardPath + "): " + grafana);
    }

    @Test
    void dockerComposeAcceptsTheComposeFile() {
        run(List.of(tool("docker-compose", "docker-compose"), "-f", "docker-compose.yml", "config", "-q"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void checkMetricNames(String where, String expr, List<String> problems) {
        Matcher frontdoor = FRONTDOOR_NAME.matcher(expr);
        while (frontdoor.find()) {
            if (!FRONTDOOR_METRICS.contains(frontdoor.group(1))) {
                problems.add(where + ": unknown metric " + frontdoor.group(1));
            }
        }
        Matcher other = OTHER_NAME.matcher(expr);
        while (other.find()) {
            if (!OTHER_METRICS.contains(other.group(1))) {
                problems.add(where + ": unknown metric " + other.group(1));
            }
        }
    }

    private static String provisionedDataSourceUid() {
        List<Map<String, Object>> sources = maps(yaml(GRAFANA.resolve("provisioning/datasources/prometheus.yml"))
                .get("datasources"));
        assertEquals(1, sources.size(), "one provisioned data source");
        assertEquals("prometheus", sources.get(0).get("type"));
        assertEquals("http://prometheus:9090", sources.get(0).get("url"));
        String uid = (String) sources.get(0).get("uid");
        assertNotNull(uid, "the provisioned data source has a fixed uid");
        return uid;
    }

    private static List<String> volumes(Map<String, Object> services, String service) {
        assertTrue(services.containsKey(service), "docker-compose.yml has a service " + service);
        List<String> volumes = new ArrayList<>();
        list(map(services.get(service)).get("volumes")).forEach(v -> volumes.add(v.toString()));
        return volumes;
    }

    /** UpperCamelCase to kebab-case: ConsumerLagHigh is consumer-lag-high. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static List<Map<String, Object>> alerts() {
        return rules().stream().filter(r -> r.containsKey("alert")).toList();
    }

    private static List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (Map<String, Object> group : maps(yaml(file).get("groups"))) {
                rules.addAll(maps(group.get("rules")));
            }
        }
        return rules;
    }

    private static List<Path> ruleFiles() {
        List<Path> files = listFiles(RULES, ".rules.yml");
        assertFalse(files.isEmpty(), "no *.rules.yml in " + RULES);
        return files;
    }

    private static List<Path> ruleTestFiles() {
        return listFiles(RULE_TESTS, ".test.yml");
    }

    private static List<Path> dashboardFiles() {
        return listFiles(DASHBOARDS, ".json");
    }

    private static List<Path> listFiles(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    private static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object document = new Yaml().load(in);
            assertTrue(document instanceof Map, file + " is a YAML mapping");
            return map(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return (List<Map<String, Object>>) list(value);
    }

    /**
     * The path of a tool on the PATH. Missing: the calling test is skipped, or fails when CI=true, because CI is
     * expected to install the Debian package named.
     */
    private static String tool(String name, String debianPackage) {
        Optional<Path> path = onPath(name);
        if (path.isEmpty()) {
            String message = name + " is not on the PATH; install it with: apt-get install " + debianPackage;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the monitoring checks must run in CI)");
            }
            Assumptions.abort(message);
        }
        return path.get().toString();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command in the repository root and fails with its output unless it exits 0. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                fail(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** The frontdoor.root system property (set by the parent pom), else the nearest directory up with mvnw. */
    private static Path repositoryRoot() {
        String configured = System.getProperty("frontdoor.root");
        if (configured != null && !configured.isBlank() && !configured.contains("${")
                && Files.isRegularFile(Path.of(configured, "mvnw"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with mvnw) above "
                + Path.of("").toAbsolutePath());
    }
}
