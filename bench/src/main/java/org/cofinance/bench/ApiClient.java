package org.cofinance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A JSON API over HTTP, called as a user with basic authentication (the password is the user's name, as on the demo),
 * that keeps the latency of each kind of call.
 */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, ConcurrentLinkedQueue<Long>> callMicros = new ConcurrentHashMap<>();

    ApiClient(String base) {
        this.base = base;
    }

    /** The latencies of each kind of call, in microseconds. */
    Map<String, ConcurrentLinkedQueue<Long>> callMicros() {
        return callMicros;
    }

    /** The answer's JSON (a null node when empty); an answer of 300 or more is thrown with its body. */
    JsonNode call(String user, String method, String path, String body, String kind)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(user, method, path, body, kind);
        if (response.statusCode() >= 300) {
            throw new ApiException(method + " " + path, response.statusCode(), response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String user, String method, String path, String body, String kind)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        record(kind, System.nanoTime() - start);
        return response;
    }

    void record(String kind, long nanos) {
        callMicros.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos / 1_000);
    }

    /** An answer of 300 or more. */
    static final class ApiException extends IllegalStateException {
        private final String body;

        ApiException(String call, int status, String body) {
            super(call + " → " + status + " " + body);
            this.body = body;
        }

        String body() {
            return body;
        }
    }
}
