package org.cofinance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Documents against the running application (./mvnw package -Prun): the upload and the download of a 20 MB file
 * (seconds, and the server's heap growth after a collection, read from its platform memory MBean through the
 * management model on port 9990), and the generation of a convention. Appends the figures to docs/benchmarks.md.
 * Arguments: the API's base URL, the results file, runs.
 */
public final class DocumentBenchmark {

    private static final long SIZE = 20L * 1000 * 1000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String api = args[0];
        Path results = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        JsonNode contracted = get(api + "/requests?status=CONTRACTED&size=1").get("items").get(0);
        long requestId = contracted.get("id").asLong();
        List<Double> uploads = new ArrayList<>();
        List<Double> downloads = new ArrayList<>();
        List<Long> growths = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long heapBefore = heapAfterCollection();
            long start = System.nanoTime();
            long documentId = upload(api, requestId, run);
            uploads.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            download(api, documentId);
            downloads.add((System.nanoTime() - start) / 1e9);
            growths.add(heapAfterCollection() - heapBefore);
        }
        List<Double> conventions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> pdf = HTTP.send(request(api + "/requests/" + requestId + "/convention?format=pdf")
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (pdf.statusCode() != 200) {
                throw new IllegalStateException("convention: " + pdf.statusCode());
            }
            conventions.add((System.nanoTime() - start) / 1e9);
        }
        String md = "\n### Documents, " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + runs + " runs against the running application\n\n"
                + "Command: `./mvnw -pl bench -am -DskipTests -Pbench-documents verify -Dbench.runs=" + runs
                + "` with `./mvnw package -Prun` started.\n\n"
                + "| measure | median | slowest |\n|---|---|---|\n"
                + "| upload of 20 MB (multipart, streamed, type detected, stored in 1 MiB rows), seconds | "
                + String.format("%.2f", median(uploads)) + " | " + String.format("%.2f", Collections.max(uploads))
                + " |\n| download of the same 20 MB (streamed chunk by chunk), seconds | "
                + String.format("%.2f", median(downloads)) + " | " + String.format("%.2f", Collections.max(downloads))
                + " |\n| server heap growth after upload and download, after a collection, MB | "
                + String.format("%.1f", median(growths.stream().map(g -> g / 1e6).toList())) + " | "
                + String.format("%.1f", Collections.max(growths) / 1e6)
                + " |\n| convention generated (PDF, JasperReports), seconds | "
                + String.format("%.3f", median(conventions)) + " | " + String.format("%.3f", Collections.max(conventions))
                + " |\n";
        System.out.print(md);
        Files.writeString(results, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long upload(String api, long requestId, int seed) throws IOException, InterruptedException {
        String boundary = "bench-" + seed;
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nOTHER\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench-" + seed + ".pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long noise = SIZE - "%PDF-1.7\n".length();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers
                .ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(
                        new ByteArrayInputStream(head), new Noise(noise, seed), new ByteArrayInputStream(tail))))),
                head.length + noise + tail.length);
        HttpResponse<String> created = HTTP.send(request(api + "/requests/" + requestId + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("upload: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("id").asLong();
    }

    private static void download(String api, long documentId) throws IOException, InterruptedException {
        HttpResponse<InputStream> content = HTTP.send(request(api + "/documents/" + documentId + "/content").GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = content.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        return JSON.readTree(HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8)));
    }

    private static long heapAfterCollection() throws IOException {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("localhost", 9990)) {
            ModelNode address = new ModelNode();
            address.add("core-service", "platform-mbean").add("type", "memory");
            ModelNode gc = new ModelNode();
            gc.get("operation").set("gc");
            gc.get("address").set(address);
            client.execute(gc);
            ModelNode read = new ModelNode();
            read.get("operation").set("read-attribute");
            read.get("address").set(address);
            read.get("name").set("heap-memory-usage");
            return client.execute(read).get("result", "used").asLong();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Seeded noise, made as it is read. */
    private static final class Noise extends InputStream {

        private final Random random;
        private long left;

        Noise(long size, long seed) {
            this.left = size;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, buffer, offset, n);
            left -= n;
            return n;
        }
    }
}
