package org.frontdoor.metrics;

import static io.restassured.RestAssured.given;

/** Reads one series from {@code /q/metrics} the way Prometheus scrapes it. */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The current value of one series (name and labels exactly as exposed), NaN when it is not there. */
    public static double value(String series) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length()).trim()))
                .findFirst().orElse(Double.NaN);
    }
}
