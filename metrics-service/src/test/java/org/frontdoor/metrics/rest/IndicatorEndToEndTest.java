package org.frontdoor.metrics.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.frontdoor.metrics.PrometheusScrape.value;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.eclipse.microprofile.config.ConfigProvider;
import org.frontdoor.clocks.RuleSet;
import org.frontdoor.clocks.RuleSets;
import org.frontdoor.clocks.WorkingCalendar;
import org.frontdoor.events.AssessmentKind;
import org.frontdoor.localstack.EventPublisher;
import org.frontdoor.metrics.FrontDoorFixture;
import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorCode;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.domain.IndicatorItem;
import org.frontdoor.metrics.domain.IndicatorRules;
import org.frontdoor.metrics.domain.Interval;
import org.junit.jupiter.api.Test;

/**
 * A month of a front door published on the real broker shuffled and with duplicates, then read back as
 * performance staff do: every indicator, its items and its series must be what the pure rules say about
 * the same history, under both rule sets and any team and source.
 */
@QuarkusTest
class IndicatorEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = "-" + UUID.randomUUID().toString().substring(0, 8);
    static final FrontDoorFixture MAY = FrontDoorFixture.may2024(SUFFIX);
    private static final FrontDoorFixture HISTORY = FrontDoorFixture.wt2010History(SUFFIX);
    private static final String MONTH = "from=2024-05-01&to=2024-05-31";
    private static boolean published;

    /** Where the rebuild test finds what this test saw live, to compare the rebuilt answers with. */
    static final String LIVE_ANSWERS = "frontdoor.test.live-answers";

    /** Publishes the month once, shuffled by child and with a fifth of the events sent twice. */
    private static synchronized void publishOnce() {
        if (published) {
            return;
        }
        List<FrontDoorFixture.Event> events = new ArrayList<>(MAY.events());
        events.addAll(HISTORY.events());
        Collections.shuffle(events, new Random(20240531));
        try (EventPublisher publisher = new EventPublisher(bootstrapServers())) {
            for (int i = 0; i < events.size(); i++) {
                FrontDoorFixture.Event event = events.get(i);
                publisher.publish(event.id(), event.type(), event.subject(), event.key(), event.data());
                if (i % 5 == 0) {
                    publisher.publish(event.id(), event.type(), event.subject(), event.key(), event.data());
                }
            }
        }
        published = true;
    }

    @Test
    void everyIndicatorAndItsItemsAreWhatTheRulesSayAfterTheBrokerInAnyOrder() throws Exception {
        publishOnce();
        List<String> teams = List.of(MAY.team("north"), MAY.team("south"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String team : teams) {
                assertAllIndicators(MAY, filter("2024-05-01", "2024-05-31", team, null, RuleSets.WT2023));
            }
        });
        Map<String, String> live = new LinkedHashMap<>();
        for (String team : teams) {
            for (String source : new String[] { null, "6", "2A", "5C" }) {
                for (RuleSet ruleSet : RuleSets.all()) {
                    IndicatorFilter filter = filter("2024-05-01", "2024-05-31", team, source, ruleSet);
                    assertAllIndicators(MAY, filter);
                    for (IndicatorCode code : IndicatorCode.values()) {
                        String items = assertItems(MAY, code, filter);
                        live.put(code + "/items?" + query(filter), items);
                    }
                    live.put("?" + query(filter), get("/indicators?" + query(filter)));
                }
            }
        }
        // What the rebuild test needs: these answers, and this test's broker and database to replay into.
        org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig();
        System.setProperty(LIVE_ANSWERS, JSON.writeValueAsString(Map.of("suffix", SUFFIX, "answers", live,
                "stack", Map.of("kafka.bootstrap.servers", bootstrapServers(),
                        "quarkus.datasource.jdbc.url", config.getValue("quarkus.datasource.jdbc.url", String.class),
                        "quarkus.datasource.username", config.getValue("quarkus.datasource.username", String.class),
                        "quarkus.datasource.password", config.getValue("quarkus.datasource.password", String.class)))));

        // The same events again, newest first: every one a duplicate, and no number moves.
        double duplicates = duplicatesSoFar();
        List<FrontDoorFixture.Event> again = new ArrayList<>(MAY.events());
        Collections.reverse(again);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers())) {
            for (FrontDoorFixture.Event event : again) {
                publisher.publish(event.id(), event.type(), event.subject(), event.key(), event.data());
            }
        }
        await().atMost(PATIENCE).until(() -> duplicatesSoFar() >= duplicates + again.size());
        for (Map.Entry<String, String> answer : live.entrySet()) {
            if (answer.getKey().startsWith("?")) {
                assertEquals(answer.getValue(), get("/indicators" + answer.getKey()), answer.getKey());
            }
        }
    }

    @Test
    void assessmentsOnPre2013DataAreMeasuredUnderEitherRuleSet() throws Exception {
        publishOnce();
        String team = HISTORY.team("hist");
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (RuleSet ruleSet : RuleSets.all()) {
                IndicatorFilter filter = filter("2012-11-01", "2013-01-31", team, null, ruleSet);
                assertIndicator(HISTORY, IndicatorCode.ASSESSMENT_TIMELINESS, filter);
                assertItems(HISTORY, IndicatorCode.ASSESSMENT_TIMELINESS, filter);
            }
        });
        // WT2010: 2 of 4 (initial 10 WD from the referral, core 35 WD from its start); WT2023: 3 of 4 (45 WD).
        given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators/ASSESSMENT_TIMELINESS?from=2012-11-01&to=2013-01-31&ruleSet=WT2010&team="
                        + team)
                .then().statusCode(200).body("numerator", equalTo(2)).body("denominator", equalTo(4))
                .body("value", equalTo(50.0f));
        for (String date : new String[] { "2012-12-31", "2013-01-16", "2013-01-31", "2013-03-01" }) {
            for (RuleSet ruleSet : RuleSets.all()) {
                assertIndicator(HISTORY, IndicatorCode.ASSESSMENTS_OVERDUE, filter(date, date, team, null, ruleSet));
            }
        }
    }

    @Test
    void aSeriesGivesTheIndicatorOverEachWeekOrMonthOfThePeriod() throws Exception {
        publishOnce();
        String team = MAY.team("north");
        await().atMost(PATIENCE).untilAsserted(() -> assertAllIndicators(MAY,
                filter("2024-05-01", "2024-05-31", team, null, RuleSets.WT2023)));
        for (IndicatorCode code : new IndicatorCode[] { IndicatorCode.CONTACT_DECISION_TIMELINESS,
                IndicatorCode.REFERRALS, IndicatorCode.UNALLOCATED }) {
            for (Interval interval : Interval.values()) {
                IndicatorFilter period = filter("2024-03-01", "2024-05-31", team, null, RuleSets.WT2023);
                JsonNode answer = JSON.readTree(get("/indicators/" + code + "?" + query(period) + "&interval="
                        + interval.name().toLowerCase()));
                List<Interval.Step> steps = interval.split(period.from(), period.to());
                assertEquals(steps.size(), answer.get("series").size(), code + " " + interval);
                for (int i = 0; i < steps.size(); i++) {
                    JsonNode step = answer.get("series").get(i);
                    assertEquals(steps.get(i).from().toString(), step.get("from").asText());
                    assertEquals(steps.get(i).to().toString(), step.get("to").asText());
                    Indicator expected = MAY.rules().answer(code, filter(steps.get(i).from().toString(),
                            steps.get(i).to().toString(), team, null, RuleSets.WT2023)).indicator();
                    assertEquals(describe(expected), describe(step), code + " " + steps.get(i));
                }
            }
        }
        // May 2024 in weeks: Wednesday 1st to Sunday 5th, then Monday to Sunday, then Monday 27th to Friday 31st.
        JsonNode weeks = JSON.readTree(get("/indicators/CONTACTS?" + MONTH + "&interval=WEEK&team=" + team));
        assertEquals("2024-05-01..2024-05-05 2024-05-27..2024-05-31", weeks.get("series").get(0).get("from").asText()
                + ".." + weeks.get("series").get(0).get("to").asText() + " " + weeks.get("series").get(4).get("from")
                .asText() + ".." + weeks.get("series").get(4).get("to").asText());
    }

    @Test
    void targetsRateTheIndicators() {
        publishOnce();
        String team = MAY.team("north");
        await().atMost(PATIENCE).untilAsserted(() -> assertAllIndicators(MAY,
                filter("2024-05-01", "2024-05-31", team, null, RuleSets.WT2023)));
        // Targets of application.properties: decisions 95 % (tolerance 5), rationale 100 % (5), re-referrals
        // at most 22 % (3), assessments 86 % (6). North in May: 3/3 decided in time, 2/3 with a rationale,
        // 1/3 re-referred, 1/2 assessments in time.
        given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators?" + MONTH + "&team=" + team)
                .then().statusCode(200)
                .body("find { it.code == 'CONTACT_DECISION_TIMELINESS' }.rag", equalTo("GREEN"))
                .body("find { it.code == 'CONTACT_DECISION_TIMELINESS' }.target", equalTo(95))
                .body("find { it.code == 'DECISION_RATIONALE' }.rag", equalTo("RED"))
                .body("find { it.code == 'RE_REFERRALS' }.rag", equalTo("RED"))
                .body("find { it.code == 'ASSESSMENT_TIMELINESS' }.rag", equalTo("RED"))
                .body("find { it.code == 'CONTACTS' }.rag", equalTo(null))
                .body("find { it.code == 'CONTACTS' }.target", equalTo(null));
    }

    @Test
    void annexAListsOneRowPerContactOrReferralInInspectionOrder() {
        publishOnce();
        String team = MAY.team("north");
        await().atMost(PATIENCE).untilAsserted(() -> assertAllIndicators(MAY,
                filter("2024-05-01", "2024-05-31", team, null, RuleSets.WT2023)));
        await().atMost(PATIENCE).untilAsserted(() -> assertAllIndicators(MAY,
                filter("2024-05-01", "2024-05-31", MAY.team("south"), null, RuleSets.WT2023)));

        String list1 = csv("list-1", MONTH);
        assertEquals("Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Contact,"
                + "Contact Source", list1.lines().findFirst().orElseThrow());
        assertEquals(List.of(
                MAY.child("A") + ",2,WBRI,2016-07,7,2024-05-03,6",
                MAY.child("X") + ",2,WBRI,2016-07,7,2024-05-04,6",
                MAY.child("Y") + ",2,WBRI,2016-07,7,2024-05-11,2A",
                MAY.child("B") + ",2,WBRI,2016-07,7,2024-05-13,2A",
                MAY.child("Z") + ",2,WBRI,2016-07,7,2024-05-20,6"), ours(list1));

        String list3 = csv("list-3", MONTH);
        assertEquals("Child Unique ID,Gender,Ethnicity,Date of Birth,Age of Child (Years),Date of Referral,"
                + "Referral Source,Referral NFA,Number of Referrals in Last 12 Months,Allocated Team,Allocated Worker",
                list3.lines().findFirst().orElseThrow());
        // K1 (child A) was referred exactly 12 months after K0 and waits again; K2 is held by sw-3; K5 and
        // K9 came from contacts this service never saw, so their child fields are blank.
        assertEquals(List.of(
                MAY.child("A") + ",2,WBRI,2016-07,7,2024-05-07,6,N,1,,",
                MAY.child("G") + ",,,,,2024-05-14,5C,N,0,,",
                MAY.child("B") + ",2,WBRI,2016-07,7,2024-05-15,2A,N,0," + MAY.team("south") + ",sw-3" + SUFFIX,
                MAY.child("E") + ",,,,,2024-05-29,6,N,0,,"), ours(list3));
        // K3 closed in May with no step after its April referral: NFA.
        assertTrue(ours(csv("list-3", "from=2024-04-01&to=2024-04-30")).contains(
                MAY.child("C") + ",,,,,2024-04-02,6,Y,0,,"));
    }

    @Test
    void atRiskListsOpenItemsSoonestFirstAndTheGaugesCountWhatIsOverdue() throws Exception {
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        FrontDoorFixture now = new FrontDoorFixture(suffix);
        WorkingCalendar calendar = FrontDoorFixture.CALENDAR;
        LocalDate today = WorkingCalendar.londonDate(Instant.now());
        String noon = "T12:00:00Z";
        // A contact received a minute ago (due the next working day) and one received 5 WD ago (overdue).
        now.contact("CN", "N", "live", "6", Instant.now().minusSeconds(60).toString(), null, null, false);
        now.contact("CO", "O", "live", "6", calendar.addWorkingDays(today, -5) + noon, null, null, false);
        // Open assessments due in 3 WD and 1 WD (45 WD after referrals 42 and 44 WD ago), and one overdue.
        now.openCase("KR", "R", "live", "6", calendar.addWorkingDays(today, -42).toString(), null, null);
        now.assessment("AR", "KR", AssessmentKind.SINGLE, calendar.addWorkingDays(today, -41) + noon, null);
        now.openCase("KR2", "R2", "live", "6", calendar.addWorkingDays(today, -44).toString(), null, null);
        now.assessment("AR2", "KR2", AssessmentKind.SINGLE, calendar.addWorkingDays(today, -43) + noon, null);
        now.openCase("KO", "Q", "live", "6", calendar.addWorkingDays(today, -50).toString(), null, null);
        now.assessment("AO", "KO", AssessmentKind.SINGLE, calendar.addWorkingDays(today, -49) + noon, null);
        // Enquiries whose strategy discussions were 13 WD ago (ICPC due in 2) and 20 WD ago (overdue).
        now.section47("SR", "KR", calendar.addWorkingDays(today, -13) + noon,
                calendar.addWorkingDays(today, -13) + "T15:00:00Z", null, null);
        now.section47("SO", "KO", calendar.addWorkingDays(today, -20) + noon,
                calendar.addWorkingDays(today, -20) + "T15:00:00Z", null, null);
        // A case referred 3 WD ago and not yet allocated: the 5 WD allocation target is 2 WD away.
        now.openCase("KN", "M", "live", "6", calendar.addWorkingDays(today, -3).toString(), null, null);
        try (EventPublisher publisher = new EventPublisher(bootstrapServers())) {
            for (FrontDoorFixture.Event event : now.events()) {
                publisher.publish(event.id(), event.type(), event.subject(), event.key(), event.data());
            }
        }
        String team = now.team("live");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertEquals(List.of("AR2 1", "AR 3"), atRisk(now, "ASSESSMENT_TIMELINESS", team, null));
            assertEquals(List.of("SR 2"), atRisk(now, "ICPC_TIMELINESS", team, null));
            assertEquals(List.of("KN 2"), atRisk(now, "ALLOCATION_TIMELINESS", team, null));
            assertEquals(List.of("CN 1"), atRisk(now, "CONTACT_DECISION_TIMELINESS", team, null));
        });
        assertEquals(List.of("KN 2"), atRisk(now, "UNALLOCATED", team, null));
        assertEquals(List.of("AR2 1", "AR 3"), atRisk(now, "ASSESSMENTS_OVERDUE", team, null));
        assertEquals(List.of("AR2 1"), atRisk(now, "ASSESSMENT_TIMELINESS", team, "2"));
        assertEquals(List.of(), atRisk(now, "ASSESSMENT_TIMELINESS", team, "0"));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertEquals(2.0, value("frontdoor_contacts_awaiting_decision{team=\"" + team + "\"}"));
            assertEquals(1.0, value("frontdoor_contacts_decision_overdue{team=\"" + team + "\"}"));
            assertEquals(1.0, value("frontdoor_assessments_overdue{team=\"" + team + "\"}"));
            assertEquals(2.0, value("frontdoor_assessments_due_soon{team=\"" + team + "\"}"));
            assertEquals(1.0, value("frontdoor_icpc_overdue{team=\"" + team + "\"}"));
        });
    }

    @Test
    void badRequestsAreProblemsNamingTheParameterAndUnknownThingsAre404() {
        given().auth().preemptive().basic("analyst", "analyst").when().get("/indicators/NOT_A_CODE")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().auth().preemptive().basic("analyst", "analyst").when().get("/indicators/NOT_A_CODE/items")
                .then().statusCode(404).contentType("application/problem+json");
        badRequest("/indicators/CONTACTS?interval=DAY", "interval");
        badRequest("/indicators/CONTACTS?from=2024-02-30", "from");
        badRequest("/indicators/CONTACTS?from=2000-01-01&to=2024-12-31&interval=WEEK", "interval");
        badRequest("/indicators/CONTACTS/items?ruleSet=WT1999", "ruleSet");
        badRequest("/indicators/CONTACTS/items?size=501", "size");
        badRequest("/indicators/CONTACTS/items?page=-1", "page");
        badRequest("/indicators/ASSESSMENT_TIMELINESS/at-risk?withinWorkingDays=-1", "withinWorkingDays");
        badRequest("/indicators/ASSESSMENT_TIMELINESS/at-risk?withinWorkingDays=soon", "withinWorkingDays");
        badRequest("/indicators/ASSESSMENT_TIMELINESS/at-risk?team=a%20b", "team");
        badRequest("/exports/annex-a/list-1.csv?to=yesterday", "to");
        given().auth().preemptive().basic("analyst", "analyst").when().get("/indicators/CONTACTS/at-risk")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().preemptive().basic("analyst", "analyst").when().get("/exports/annex-a/list-2.csv")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyTheRightRolesMayReadItemsAtRiskListsAndExports() {
        for (String path : new String[] { "/indicators/CONTACTS", "/indicators/CONTACTS/items",
                "/indicators/UNALLOCATED/at-risk", "/exports/annex-a/list-1.csv" }) {
            given().when().get(path).then().statusCode(401);
            given().auth().preemptive().basic("worker", "worker").when().get(path).then().statusCode(403);
            given().auth().preemptive().basic("analyst", "analyst").when().get(path).then().statusCode(200);
            given().auth().preemptive().basic("admin", "admin").when().get(path).then().statusCode(200);
        }
        given().auth().preemptive().basic("duty", "duty").when().get("/indicators/CONTACTS/items").then()
                .statusCode(200);
        given().auth().preemptive().basic("duty", "duty").when().get("/exports/annex-a/list-1.csv").then()
                .statusCode(403);
    }

    /** GET /indicators equals the rules for every code, and each GET /indicators/{code} too. */
    static void assertAllIndicators(FrontDoorFixture door, IndicatorFilter filter) throws Exception {
        JsonNode all = JSON.readTree(get("/indicators?" + query(filter)));
        List<IndicatorRules.Answer> expected = door.rules().all(filter);
        assertEquals(expected.size(), all.size());
        for (int i = 0; i < expected.size(); i++) {
            Indicator indicator = expected.get(i).indicator();
            assertEquals(indicator.code().name(), all.get(i).get("code").asText());
            assertEquals(describe(indicator), describe(all.get(i)), indicator.code() + " " + query(filter));
        }
    }

    private static void assertIndicator(FrontDoorFixture door, IndicatorCode code, IndicatorFilter filter)
            throws Exception {
        JsonNode answer = JSON.readTree(get("/indicators/" + code + "?" + query(filter)));
        assertEquals(describe(door.rules().answer(code, filter).indicator()), describe(answer),
                code + " " + query(filter));
    }

    /** The items behind a number are the rules' items, in the same order; returns the answer's body. */
    static String assertItems(FrontDoorFixture door, IndicatorCode code, IndicatorFilter filter) throws Exception {
        Response response = given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators/" + code + "/items?size=500&" + query(filter))
                .then().statusCode(200).extract().response();
        String body = response.asString();
        List<String> actual = new ArrayList<>();
        for (JsonNode item : JSON.readTree(body)) {
            actual.add(door.name(item.get("id").asText()) + " " + item.get("childRef").asText() + " "
                    + item.get("anchorDate").asText() + " " + item.get("doneDate").asText() + " "
                    + item.get("workingDays").asText() + " " + item.get("inTimescale").asText() + " "
                    + item.get("inNumerator").asText());
        }
        List<String> expected = new ArrayList<>();
        for (IndicatorItem item : door.rules().answer(code, filter).items().stream()
                .sorted(Comparator.comparing((IndicatorItem i) -> i.doneDate() == null ? i.anchorDate() : i.doneDate(),
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(IndicatorItem::id))
                .toList()) {
            expected.add(door.name(item.id()) + " " + item.childRef() + " " + item.anchorDate() + " " + item.doneDate()
                    + " " + item.workingDays() + " " + item.inTimescale() + " " + item.inNumerator());
        }
        assertEquals(expected, actual, code + " items " + query(filter));
        assertEquals(Integer.toString(expected.size()), response.header("X-Total-Count"),
                code + " items counted " + query(filter));
        return body;
    }

    private static List<String> atRisk(FrontDoorFixture door, String code, String team, String within)
            throws Exception {
        String body = get("/indicators/" + code + "/at-risk?team=" + team
                + (within == null ? "" : "&withinWorkingDays=" + within));
        List<String> items = new ArrayList<>();
        for (JsonNode item : JSON.readTree(body)) {
            items.add(door.name(item.get("id").asText()) + " " + item.get("workingDaysLeft").asInt());
        }
        return items;
    }

    private static String csv(String list, String query) {
        return given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/exports/annex-a/" + list + ".csv?" + query)
                .then().statusCode(200).contentType("text/csv").extract().asString();
    }

    /** The rows of this run's children. */
    private static List<String> ours(String csv) {
        return csv.lines().filter(line -> line.contains(SUFFIX + ",")).toList();
    }

    static String get(String path) {
        return given().auth().preemptive().basic("analyst", "analyst").when().get(path)
                .then().statusCode(200).extract().asString();
    }

    private static void badRequest(String path, String field) {
        given().auth().preemptive().basic("analyst", "analyst").when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    static IndicatorFilter filter(String from, String to, String team, String source, RuleSet ruleSet) {
        return new IndicatorFilter(LocalDate.parse(from), LocalDate.parse(to), team, source, ruleSet);
    }

    static String query(IndicatorFilter filter) {
        return "from=" + filter.from() + "&to=" + filter.to() + "&ruleSet=" + filter.ruleSet().name()
                + (filter.team() == null ? "" : "&team=" + filter.team())
                + (filter.source() == null ? "" : "&source=" + filter.source());
    }

    /** numerator/denominator=value and the measures, compared as numbers. */
    static String describe(Indicator indicator) {
        StringBuilder text = new StringBuilder(indicator.numerator() + "/" + indicator.denominator() + "="
                + (indicator.value() == null ? null : indicator.value().stripTrailingZeros().toPlainString()));
        indicator.measures().forEach((name, value) -> text.append(" ").append(name).append("=")
                .append(value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString()));
        return text.toString();
    }

    static String describe(JsonNode indicator) {
        StringBuilder text = new StringBuilder(indicator.get("numerator").asLong() + "/"
                + (indicator.get("denominator").isNull() ? null : indicator.get("denominator").asLong()) + "="
                + number(indicator.get("value")));
        JsonNode measures = indicator.get("measures");
        if (measures != null) {
            measures.fields().forEachRemaining(field -> text.append(" ").append(field.getKey()).append("=")
                    .append(number(field.getValue())));
        }
        return text.toString();
    }

    private static String number(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static double duplicatesSoFar() {
        double count = value("frontdoor_consumer_events_total{consumer=\"metrics-service\",outcome=\"duplicate\"}");
        return Double.isNaN(count) ? 0 : count;
    }

    static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

}
