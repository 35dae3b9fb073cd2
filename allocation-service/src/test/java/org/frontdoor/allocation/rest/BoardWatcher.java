package org.frontdoor.allocation.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A test's browser on {@code GET /queue/stream}: reads the Server-Sent Events as they arrive and hands over each
 * {@code board} event's JSON with the moment it was received.
 */
final class BoardWatcher implements AutoCloseable {

    /** One pushed state and when this client read it. */
    record Received(JsonNode board, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<Received> boards = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    BoardWatcher(URI base, String team, String user) {
        String query = team == null ? "" : "?team=" + team;
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/queue/stream" + query))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .build();
        response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> read(r.body()));
    }

    int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    private void read(Stream<String> lines) {
        String[] event = { null };
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                } else if (line.isEmpty()) {
                    if ("board".equals(event[0]) && data.length() > 0) {
                        try {
                            boards.add(new Received(JSON.readTree(data.toString()), Instant.now()));
                        } catch (IOException e) {
                            throw new IllegalStateException("A board event is not JSON: " + data, e);
                        }
                    }
                    event[0] = null;
                    data.setLength(0);
                }
            });
        } catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** The next board pushed, or fails after the timeout. */
    JsonNode next(Duration timeout) throws InterruptedException {
        Received received = boards.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (received == null) {
            throw new AssertionError("No board event within " + timeout);
        }
        return received.board();
    }

    /** Skips boards until one matches, and says when it arrived. */
    Received until(Predicate<JsonNode> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received received = left <= 0 ? null : boards.poll(left, TimeUnit.NANOSECONDS);
            if (received == null) {
                throw new AssertionError("No matching board event within " + timeout);
            }
            if (wanted.test(received.board())) {
                return received;
            }
        }
    }

    static Predicate<JsonNode> queueHas(String caseId) {
        return board -> contains(board.path("queue"), caseId);
    }

    static Predicate<JsonNode> queueLacks(String caseId) {
        return queueHas(caseId).negate();
    }

    private static boolean contains(JsonNode queue, String caseId) {
        for (JsonNode item : queue) {
            if (caseId.equals(item.path("caseId").asText())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(r -> r.body().close());
    }
}
