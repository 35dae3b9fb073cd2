package org.frontdoor.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The services' public REST API as the dev users call it (HTTP basic), with the retries a careful client
 * makes: a connection error or a 5xx is retried with backoff under the same Idempotency-Key, so a retry
 * never does a command twice. Every other answer goes back to the caller to judge.
 */
public final class FrontDoorClient {

    /** An answer: status, JSON body (missing if none) and the total count header of a list. */
    public record Answer(int status, JsonNode body, String totalCount) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String detail() {
            JsonNode detail = body.path("detail");
            return detail.isMissingNode() ? body.toString() : detail.asText();
        }
    }

    /** Thrown when the services stayed unreachable or kept failing after every retry. */
    public static final class Unavailable extends IOException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int ATTEMPTS = 9;

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Action.Service, URI> services;
    private final LongAdder retries = new LongAdder();
    private final LongAdder notFoundWaits = new LongAdder();

    public FrontDoorClient(URI referral, URI allocation) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.services = Map.of(Action.Service.REFERRAL, referral, Action.Service.ALLOCATION, allocation);
    }

    /** Retries made so far (connection errors and 5xx answers). */
    public long retries() {
        return retries.sum();
    }

    /** 404s waited out: allocation-service had not yet heard of a case from Kafka. */
    public long notFoundWaits() {
        return notFoundWaits.sum();
    }

    /**
     * Sends a request, retrying connection errors and 5xx answers (100 ms doubling to 5 s, about 25 s in all),
     * and a 404 for up to {@code notFoundPatience} (a case allocation-service has not yet heard of).
     */
    public Answer send(Action.Request request, String idempotencyKey, Duration notFoundPatience)
            throws Unavailable, InterruptedException {
        URI uri = services.get(request.service()).resolve(request.path());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(request.user())).header("Accept", "application/json");
        String body = request.body() == null ? null : request.body().toString();
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null && "POST".equals(request.method())) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        builder.method(request.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpRequest http = builder.build();
        long notFoundDeadline = System.nanoTime() + notFoundPatience.toNanos();
        long backoff = 100;
        IOException last = null;
        int failures = 0;
        while (true) {
            try {
                HttpResponse<String> response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 500 && !(status == 404 && System.nanoTime() < notFoundDeadline)) {
                    return new Answer(status, parse(response.body()),
                            response.headers().firstValue("X-Total-Count").orElse(null));
                }
                if (status >= 500) {
                    failures++;
                    last = new IOException(request.method() + " " + uri + " answered " + status + ": "
                            + abbreviate(response.body()));
                } else {
                    notFoundWaits.increment();
                    Thread.sleep(200);
                    continue;
                }
            } catch (IOException e) {
                failures++;
                last = e;
            }
            if (failures <= 1 && retries.sum() < 5) {
                System.err.printf("%nRetrying %s %s: %s%n", request.method(), uri, last.getMessage());
            }
            if (failures >= ATTEMPTS) {
                throw new Unavailable(request.method() + " " + uri + " failed " + failures + " times: "
                        + (last == null ? "" : last.getMessage()), last);
            }
            retries.increment();
            Thread.sleep(backoff);
            backoff = Math.min(5000, backoff * 2);
        }
    }

    /** A GET as the given dev user, with the usual retries. */
    public Answer get(Action.Service service, String path, String user) throws Unavailable, InterruptedException {
        return send(new Action.Request("GET", service, path, null, user), null, Duration.ZERO);
    }

    /** A GET against any base URL (the metrics service's, for instance). */
    public Answer get(URI base, String path, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user)).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), parse(response.body()),
                response.headers().firstValue("X-Total-Count").orElse(null));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(abbreviate(body));
        }
    }

    /** The dev users' passwords are their names (service-kit's microprofile-config.properties). */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
