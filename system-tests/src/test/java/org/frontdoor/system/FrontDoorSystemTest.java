package org.frontdoor.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.EventTap;
import org.frontdoor.localstack.FrontDoorSystem;
import org.frontdoor.localstack.ProjectLayout;
import org.frontdoor.localstack.ServiceProcess;
import org.frontdoor.localstack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's promise, end to end on the packaged services: a contact recorded in
 * referral-service becomes a case in allocation-service's queue and a number in metrics-service,
 * with events really crossing Kafka.
 */
class FrontDoorSystemTest {

    private static FrontDoorSystem system;

    @BeforeAll
    static void start() throws Exception {
        ProjectLayout layout = ProjectLayout.locate();
        Path home = Path.of(System.getProperty("java.io.tmpdir")).resolve("frontdoor-system");
        system = FrontDoorSystem.start(StackSettings.forTests(home, layout.kafkaLibs()), layout, true, "local",
                FrontDoorSystem.Progress.tagged("[system-tests]"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static RequestSpecification as(String service, String user) {
        return given().baseUri(system.service(service).baseUrl()).auth().preemptive().basic(user, user)
                .contentType(ContentType.JSON);
    }

    @Test
    void aContactFlowsThroughAllThreeServices() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        String childRef = "child-" + UUID.randomUUID();

        as("allocation-service", "admin").body("""
                {"displayName": "Sam Worker", "team": "%s", "fte": 1.0, "caseHolding": true}
                """.formatted(team)).put("/workers/" + workerId).then().statusCode(201);

        String contactId = as("referral-service", "worker").body("""
                {"childRef": "%s", "source": "2A", "channel": "EMAIL", "outOfHours": false, "team": "%s"}
                """.formatted(childRef, team)).post("/contacts").then().statusCode(201)
                .body("status", equalTo("AWAITING_DECISION")).extract().path("id");

        String caseId = as("referral-service", "duty").body("""
                {"outcome": "REFERRAL", "rationale": "Significant concerns reported by the school"}
                """).post("/contacts/" + contactId + "/decision").then().statusCode(200)
                .body("caseId", notNullValue()).extract().path("caseId");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as("allocation-service", "duty").queryParam("team", team).get("/queue").then().statusCode(200)
                        .body("caseId", hasItem(caseId)).body("[0].childRef", equalTo(childRef)));

        as("allocation-service", "duty").body("{\"workerId\": \"" + workerId + "\"}")
                .post("/cases/" + caseId + "/allocation").then().statusCode(201);
        as("allocation-service", "duty").queryParam("team", team).get("/queue").then().body("", empty());

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as("metrics-service", "analyst").queryParam("team", team).get("/indicators").then().statusCode(200)
                        .body("find { it.code == 'CONTACTS' }.value", equalTo(1))
                        .body("find { it.code == 'CONTACT_CONVERSION' }.numerator", equalTo(1))
                        .body("find { it.code == 'CONTACT_CONVERSION' }.denominator", equalTo(1))
                        .body("find { it.code == 'CONTACT_CONVERSION' }.value", equalTo(100.0f)));
    }

    @Test
    void alertsSurviveARestartOfAllocationServiceWithoutBeingRaisedAgain() throws Exception {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String workerId = "sw-" + UUID.randomUUID().toString().substring(0, 8);
        String worker = """
                {"displayName": "Sam Worker", "team": "%s", "fte": 1.0, "caseHolding": true, "caseloadThreshold": 1}
                """.formatted(team);
        as("allocation-service", "admin").body(worker).put("/workers/" + workerId).then().statusCode(201);
        String contactId = as("referral-service", "worker").body("""
                {"childRef": "child-restart", "source": "2A", "channel": "EMAIL", "outOfHours": false, "team": "%s"}
                """.formatted(team)).post("/contacts").then().statusCode(201).extract().path("id");
        String caseId = as("referral-service", "duty").body("""
                {"outcome": "REFERRAL", "rationale": "Concerns reported by the school"}
                """).post("/contacts/" + contactId + "/decision").then().statusCode(200).extract().path("caseId");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as("allocation-service", "duty").queryParam("team", team).get("/queue").then()
                        .body("caseId", hasItem(caseId)));
        // One case at a threshold of one: the caseload alert is raised.
        as("allocation-service", "duty").body("{\"workerId\": \"" + workerId + "\"}")
                .post("/cases/" + caseId + "/allocation").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                as("allocation-service", "duty").queryParam("team", team).queryParam("state", "ACTIVE")
                        .get("/alerts").then().body("kind", hasItem("CASELOAD_OVER_THRESHOLD")));
        Map<String, Object> before = as("allocation-service", "duty").queryParam("team", team)
                .get("/alerts").then().extract().path("[0]");

        try (EventTap tap = EventTap.fromNow(system.stack().kafkaBootstrapServers(), Topics.ALLOCATION_EVENTS)) {
            ServiceProcess restarted = system.restart("allocation-service");
            System.out.println("[system-tests] allocation-service restarted as pid " + restarted.pid());
            // A change after the restart makes the new process evaluate every rule again.
            as("allocation-service", "admin").body(worker).put("/workers/" + workerId).then().statusCode(200);
            as("allocation-service", "duty").queryParam("team", team).get("/alerts").then().statusCode(200)
                    .body("", hasSize(1))
                    .body("[0].id", equalTo(before.get("id")))
                    .body("[0].raisedAt", equalTo(before.get("raisedAt")))
                    .body("[0].resolvedAt", nullValue());
            long raisedAgain = tap.drain(Duration.ofSeconds(3)).stream()
                    .filter(EventTap.withHeader(CloudEventHeaders.TYPE, EventTypes.ALERT_RAISED))
                    .filter(record -> record.value().contains(workerId)).count();
            assertEquals(0, raisedAgain, "the restarted service must not raise the alert a second time");
        }
    }

    @Test
    void theProductionProfileTakesBearerTokensAndNoBasicCredentials() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String publicKey = Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        try (ServiceProcess production = system.startAnother("referral-service", "prod", "referral-service-prod",
                Map.of("quarkus.oidc.public-key", publicKey))) {
            String base = production.baseUrl();
            given().baseUri(base).get("/q/health/ready").then().statusCode(200);
            given().baseUri(base).auth().preemptive().basic("duty", "duty").get("/contacts/" + UUID.randomUUID())
                    .then().statusCode(401);
            given().baseUri(base).auth().oauth2(token(keys.getPrivate(), "duty-manager"))
                    .get("/contacts/" + UUID.randomUUID()).then().statusCode(404);
            given().baseUri(base).auth().oauth2(token(keys.getPrivate(), "performance")).contentType(ContentType.JSON)
                    .body("{}").post("/contacts").then().statusCode(403);
        }
    }

    /** A signed access token as the authority's identity provider would issue it. */
    private static String token(PrivateKey key, String role) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = url.encodeToString(("{\"sub\":\"manager-1\",\"groups\":[\"" + role + "\"],\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update((header + "." + claims).getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + url.encodeToString(signature.sign());
    }

    @Test
    void twoReferralServiceInstancesPublishEveryEventOnceAndInOrder() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        List<String> created = new ArrayList<>();
        try (ServiceProcess second = system.startAnother("referral-service", "local", "referral-service-2", Map.of());
                EventTap tap = EventTap.fromNow(system.stack().kafkaBootstrapServers(), Topics.REFERRAL_EVENTS)) {
            List<String> instances = List.of(system.service("referral-service").baseUrl(), second.baseUrl());
            for (int i = 0; i < 40; i++) {
                created.add(given().baseUri(instances.get(i % 2)).auth().preemptive().basic("worker", "worker")
                        .contentType(ContentType.JSON).body("""
                                {"childRef": "%s", "source": "5C", "channel": "EMAIL", "outOfHours": false, "team": "mash"}
                                """.formatted(childRef)).post("/contacts").then().statusCode(201).extract().path("id"));
            }
            List<String> published = tap.await(r -> childRef.equals(r.key()), 40, Duration.ofSeconds(30)).stream()
                    .map(r -> EventTap.header(r, CloudEventHeaders.SUBJECT)).toList();
            assertEquals(created, published, "every contact once, in the order the commands committed");
            assertEquals(0, tap.drain(Duration.ofSeconds(2)).stream().filter(r -> childRef.equals(r.key())).count()
                    - 40, "no event published twice");
        }
    }

    @Test
    void clientMistakesAreProblemsAndStrangersAreTurnedAway() {
        as("referral-service", "worker").body("""
                {"childRef": "c1", "source": "11", "channel": "PHONE", "outOfHours": false, "team": "north"}
                """).post("/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("source"));
        for (FrontDoorSystem.Service service : FrontDoorSystem.SERVICES) {
            String base = system.service(service.module()).baseUrl();
            given().baseUri(base).get("/q/health/ready").then().statusCode(200);
            given().baseUri(base).get("/q/openapi").then().statusCode(401);
        }
        given().baseUri(system.service("referral-service").baseUrl()).contentType(ContentType.JSON).body("{}")
                .post("/contacts").then().statusCode(401);
        given().baseUri(system.service("allocation-service").baseUrl()).get("/queue").then().statusCode(401);
        given().baseUri(system.service("metrics-service").baseUrl()).get("/indicators").then().statusCode(401);
    }
}
