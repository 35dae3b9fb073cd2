package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code /q/openapi} tells a client about every contact and case operation: who may call it, what to send
 * (with an example), and the RFC 9457 problems it may answer.
 */
@QuarkusTest
class OpenApiTest {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private JsonNode document;

    @BeforeEach
    void readDocument() throws Exception {
        String json = given().auth().preemptive().basic("analyst", "analyst").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationHasASummaryItsRolesAndProblemResponses() {
        List<String> operations = new ArrayList<>();
        forEachOperation((name, operation) -> {
            operations.add(name);
            assertFalse(operation.path("summary").asText().isBlank(), name + " has no summary");
            assertTrue(operation.path("description").asText().contains("Roles:"),
                    name + " does not name its roles: " + operation.path("description").asText());
            assertTrue(hasSuccess(operation.path("responses")), name + " has no described 2xx response");
            for (String status : List.of("400", "500")) {
                assertProblem(name, operation, status);
            }
            for (String status : List.of("401", "403")) {
                JsonNode refused = operation.path("responses").path(status);
                assertFalse(refused.path("description").asText().isBlank(), name + " has no " + status);
                assertTrue(refused.path("content").isMissingNode(), name + " " + status + " has no body on the wire");
            }
            if (name.contains("{")) {
                assertProblem(name, operation, "404");
            }
        });
        assertEquals(14, operations.size(), "operations under /contacts and /cases: " + operations);
    }

    @Test
    void everyPostHasARequestBodyExampleAndTheProblemsOfACommand() {
        List<String> posts = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (!name.startsWith("POST ")) {
                return;
            }
            posts.add(name);
            JsonNode body = operation.path("requestBody").path("content").path("application/json");
            JsonNode examples = body.path("examples");
            assertTrue(examples.isObject() && examples.size() > 0, name + " has no request body example");
            JsonNode schema = resolve(body.path("schema"));
            examples.properties().forEach(example -> {
                JsonNode value = example.getValue().path("value");
                assertTrue(value.isObject(), name + " example " + example.getKey() + " is not a JSON object");
                // Requests refuse unknown fields, so an example with a misspelt field would only teach a 400.
                value.fieldNames().forEachRemaining(field -> assertTrue(schema.path("properties").has(field),
                        name + " example " + example.getKey() + " has a field the request does not know: " + field));
            });
            for (String status : List.of("400", "409", "422")) {
                assertProblem(name, operation, status);
            }
        });
        assertEquals(10, posts.size(), "POST operations: " + posts);
    }

    @Test
    void theRolesComeFromRolesAllowed() {
        JsonNode decide = document.path("paths").path("/contacts/{id}/decision").path("post");
        assertTrue(decide.path("description").asText().endsWith("Roles: duty-manager."),
                decide.path("description").asText());
        JsonNode read = document.path("paths").path("/cases/{id}").path("get");
        assertTrue(read.path("description").asText()
                .endsWith("Roles: duty-manager, social-worker, performance, admin."),
                read.path("description").asText());
    }

    @Test
    void theProblemSchemaAndTheSignInAreDescribed() {
        JsonNode problem = document.path("components").path("schemas").path("Problem");
        for (String field : List.of("type", "title", "status", "detail", "instance", "violations")) {
            assertTrue(problem.path("properties").has(field), "Problem has no " + field);
        }
        JsonNode violation = problem.path("properties").path("violations").path("items").path("properties");
        assertTrue(violation.has("field") && violation.has("message"), "violations[] has no field and message");

        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals(1, schemes.size(), schemes.toString());
        JsonNode scheme = schemes.elements().next();
        assertEquals("http", scheme.path("type").asText());
        assertEquals("basic", scheme.path("scheme").asText());
        assertTrue(scheme.path("description").asText().contains("OIDC bearer"), scheme.toString());
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/contacts") && !path.getKey().startsWith("/cases")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    check.accept(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
    }

    private static boolean hasSuccess(JsonNode responses) {
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String description = response.getValue().path("description").asText();
            if (response.getKey().startsWith("2") && !description.isBlank() && !description.equals("OK")) {
                return true;
            }
        }
        return false;
    }

    private static void assertProblem(String name, JsonNode operation, String status) {
        JsonNode response = operation.path("responses").path(status);
        assertFalse(response.isMissingNode(), name + " has no " + status + " response");
        assertFalse(response.path("description").asText().isBlank(), name + " " + status + " has no description");
        assertEquals(PROBLEM_REF, response.path("content").path("application/problem+json").path("schema")
                .path("$ref").asText(), name + " " + status + " is not an application/problem+json Problem");
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        if (ref.startsWith("#/components/schemas/")) {
            return document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
