package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * More requests than the service has workers and database connections queue or are refused with a 503 that
 * says when to retry; never a 500, and a refused request changes nothing.
 */
@QuarkusTest
class OverloadTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @TestHTTPResource("/contacts")
    URI contacts;

    @Test
    void aBurstFarBeyondThePoolsQueuesOrIsRefusedWith503NeverA500() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            HttpRequest request = HttpRequest.newBuilder(contacts).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("worker:worker".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(ContactResourceTest.contactJson(
                            "overload-" + run + "-" + i, "6")))
                    .build();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (response.statusCode() == 503) {
                assertTrue(response.headers().firstValue("Retry-After").isPresent(), "503 says when to retry");
            }
        }
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 201 || s == 503), "answers " + statuses);
    }

    @Test
    void whenNoConnectionFreesUpTheRequestIsRefusedWith503AndRetryAfter() throws Exception {
        String childRef = "exhausted-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        List<Connection> held = new ArrayList<>();
        try {
            // Take every connection of the pool (the relay gives its own back between batches).
            for (int i = 0; i < poolSize; i++) {
                held.add(dataSource.getConnection());
            }
            given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(ContactResourceTest.contactJson(childRef, "6"))
                    .when().post("/contacts").then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("1"))
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(503))
                    .body("type", equalTo("https://frontdoor.example/problems/busy"));
        } finally {
            for (Connection connection : held) {
                close(connection);
            }
        }
        assertEquals(0, contactsOf(childRef), "a refused request changes nothing");
        given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(ContactResourceTest.contactJson(childRef, "6"))
                .when().post("/contacts").then().statusCode(201);
        assertEquals(1, contactsOf(childRef), "the retry with the same key goes through once");
    }

    private long contactsOf(String childRef) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                var count = connection.prepareStatement("SELECT count(*) FROM contact WHERE child_ref = ?")) {
            count.setString(1, childRef);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // returned to the pool already
        }
    }
}
