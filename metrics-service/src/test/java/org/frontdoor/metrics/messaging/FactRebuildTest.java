package org.frontdoor.metrics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rebuild of docs/services/metrics-service.md: the service restarted under a new consumer group
 * empties its fact tables and replays both topics from the start. The answers must be exactly those
 * IndicatorEndToEndTest read live, earlier in the same run (profile tests run after the others).
 */
@QuarkusTest
@TestProfile(FactRebuildTest.NewConsumerGroup.class)
class FactRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final String LIVE_ANSWERS = "frontdoor.test.live-answers";

    /**
     * The service as started by the rebuild command: the same broker and database as the live test, under a
     * consumer group never used before. (The local stack's test resource would start a fresh, empty stack for
     * a restarted application, so this profile points at the live test's one instead.)
     */
    public static class NewConsumerGroup implements QuarkusTestProfile {

        static final String GROUP = "metrics-service-rebuild-" + UUID.randomUUID();

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(liveStack());
            config.put("frontdoor.consumer.group-id", GROUP);
            return config;
        }

        @Override
        public boolean disableGlobalTestResources() {
            return !liveStack().isEmpty();
        }

        @SuppressWarnings("unchecked")
        private static Map<String, String> liveStack() {
            String recorded = System.getProperty(LIVE_ANSWERS);
            if (recorded == null) {
                return Map.of();
            }
            try {
                return (Map<String, String>) new ObjectMapper().readValue(recorded, Map.class).get("stack");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void factsRebuiltFromTheTopicsUnderANewGroupAnswerExactlyAsTheLiveOnesDid() throws Exception {
        String recorded = System.getProperty(LIVE_ANSWERS);
        Assumptions.assumeTrue(recorded != null,
                "runs after IndicatorEndToEndTest in the same test JVM, which records the live answers");
        Map<String, Object> live = new ObjectMapper().readValue(recorded, new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, String> answers = (Map<String, String>) live.get("answers");

        assertEquals(NewConsumerGroup.GROUP, consumerGroupOfTheFacts());
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (Map.Entry<String, String> answer : answers.entrySet()) {
                String path = answer.getKey().startsWith("?") ? "/indicators" + answer.getKey()
                        : "/indicators/" + answer.getKey().replace("/items?", "/items?size=500&");
                assertEquals(answer.getValue(), given().auth().preemptive().basic("analyst", "analyst")
                        .when().get(path).then().statusCode(200).extract().asString(), path);
            }
        });
    }

    private String consumerGroupOfTheFacts() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT consumer_group FROM fact_build")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
