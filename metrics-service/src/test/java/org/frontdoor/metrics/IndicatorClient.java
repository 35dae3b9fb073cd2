package org.frontdoor.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code GET /indicators} as performance staff do and checks numbers exactly as they appear on the
 * wire (a value of {@code 50.0} is the text 50.0, not a float close to it).
 */
public final class IndicatorClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private IndicatorClient() {
    }

    /** The indicators for a query string such as {@code from=2024-03-04&to=2024-03-08&team=north}, by code. */
    public static Map<String, JsonNode> indicators(String query) {
        String body = given().auth().preemptive().basic("analyst", "analyst")
                .when().get("/indicators?" + query)
                .then().statusCode(200).contentType("application/json")
                .extract().asString();
        try {
            Map<String, JsonNode> byCode = new LinkedHashMap<>();
            for (JsonNode indicator : JSON.readTree(body)) {
                byCode.put(indicator.get("code").asText(), indicator);
            }
            return byCode;
        } catch (JsonProcessingException e) {
            throw new AssertionError("GET /indicators did not answer JSON: " + body, e);
        }
    }

    /**
     * Asserts one indicator's numbers.
     *
     * @param denominator null for a count
     * @param value       the value as JSON text ("3", "50.0"), or null for no value
     */
    public static void assertIndicator(Map<String, JsonNode> indicators, String code, long numerator,
            Long denominator, String value) {
        JsonNode indicator = indicators.get(code);
        assertNotNull(indicator, code + " missing from " + indicators.keySet());
        String actual = indicator.get("numerator").asText() + "/" + text(indicator.get("denominator")) + "="
                + text(indicator.get("value"));
        assertEquals(numerator + "/" + (denominator == null ? "null" : denominator) + "=" + value, actual, code);
        assertTrue(indicator.has("target") && indicator.has("rag"), code + " lacks target or rag");
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asText();
    }
}
