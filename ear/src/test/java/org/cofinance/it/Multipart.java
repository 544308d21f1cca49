package org.cofinance.it;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A multipart/form-data body for the tests: text fields and at most one file, streamed or in memory. */
final class Multipart {

    private final String boundary = "cofinance-" + UUID.randomUUID();
    private final List<Supplier<InputStream>> parts = new ArrayList<>();
    private long length;

    Multipart field(String name, String value) {
        return text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n");
    }

    Multipart file(String name, String type, byte[] bytes) {
        return file(name, type, () -> new ByteArrayInputStream(bytes), bytes.length);
    }

    /** A file part whose bytes {@code content} gives, {@code size} of them. */
    Multipart file(String name, String type, Supplier<InputStream> content, long size) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        parts.add(content);
        length += size;
        return text("\r\n");
    }

    private Multipart text(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parts.add(() -> new ByteArrayInputStream(bytes));
        length += bytes.length;
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    private InputStream stream() {
        List<InputStream> streams = new ArrayList<>();
        parts.forEach(p -> streams.add(p.get()));
        streams.add(new ByteArrayInputStream(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    /** The body with its Content-Length. */
    HttpRequest.BodyPublisher sized() {
        long total = length + ("--" + boundary + "--\r\n").length();
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(this::stream),
                total);
    }

    /** The body sent chunked, without a Content-Length. */
    HttpRequest.BodyPublisher chunked() {
        return HttpRequest.BodyPublishers.ofInputStream(this::stream);
    }
}
