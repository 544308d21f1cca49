package org.cofinance.interfaces.rest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cofinance.application.document.DocumentRefusedException;
import org.cofinance.domain.model.shared.ValidationException;

/**
 * Reads a multipart/form-data body as it streams (RFC 7578): part after part, each part's bytes handed over as a
 * stream that ends at the next boundary — nothing buffered but a boundary's length, so that a file is never whole in
 * memory nor spooled twice. A malformed body is refused naming {@code file}.
 */
final class MultipartReader {

    /** One part: its form name, its file name when it is a file, and its bytes (read them before the next part). */
    record Part(String name, String fileName, InputStream content) {

        /** A small text field's value, at most {@code max} bytes. */
        String text(int max) throws IOException {
            byte[] bytes = content.readNBytes(max + 1);
            if (bytes.length > max) {
                throw ValidationException.of(name, "has at most " + max + " characters");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final int MAX_HEADERS = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private boolean finished;
    private PartContent current;

    private MultipartReader(InputStream in, String boundary, long maxBody) {
        this.in = new BufferedInputStream(new Bounded(in, maxBody), 64 * 1024);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body, refused as too large as soon as more than {@code max} bytes come (whatever part they are in). */
    private static final class Bounded extends java.io.FilterInputStream {

        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new DocumentRefusedException(DocumentRefusedException.Reason.TOO_LARGE,
                        "an upload is at most " + max + " bytes");
            }
        }
    }

    /** A reader of the body (at most {@code maxBody} bytes), or a refusal when the content type names no boundary. */
    static MultipartReader of(String contentType, InputStream body, long maxBody) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ValidationException.of("file", "is sent as multipart/form-data");
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw ValidationException.of("file", "the multipart names no boundary");
        }
        return new MultipartReader(body, boundary.group(2) != null ? boundary.group(2) : boundary.group(1), maxBody);
    }

    /** The next part, or null after the last one; the previous part's unread bytes are skipped. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.skipRest();
        }
        int first = in.read();
        int second = in.read();
        if (first == '-' && second == '-') {
            finished = true;
            return null;
        }
        if (first != '\r' || second != '\n') {
            throw malformed();
        }
        String headers = headers();
        Matcher name = NAME.matcher(headers);
        if (!name.find()) {
            throw malformed();
        }
        Matcher fileName = FILE_NAME.matcher(headers);
        current = new PartContent();
        return new Part(name.group(1), fileName.find() ? fileName.group(1) : null, current);
    }

    /** The bytes before the first boundary: the body starts with it (no leading CRLF). */
    private void skipPreamble() throws IOException {
        byte[] first = new byte[delimiter.length - 2];
        if (in.readNBytes(first, 0, first.length) != first.length) {
            throw malformed();
        }
        for (int i = 0; i < first.length; i++) {
            if (first[i] != delimiter[i + 2]) {
                throw malformed();
            }
        }
    }

    private String headers() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || headers.size() > MAX_HEADERS) {
                throw malformed();
            }
            headers.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return headers.toString(StandardCharsets.UTF_8);
    }

    private static ValidationException malformed() {
        return ValidationException.of("file", "the multipart body is malformed");
    }

    /**
     * A part's bytes: read through a window the delimiter's length ahead, so that the part ends right before the
     * {@code CRLF--boundary} that follows it; the window is a ring, compared only when it may start a delimiter.
     */
    private final class PartContent extends InputStream {

        private final byte[] window = new byte[delimiter.length];
        private int start;
        private int filled;
        private boolean ended;

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            while (filled < window.length) {
                int b = in.read();
                if (b < 0) {
                    throw malformed();
                }
                window[(start + filled++) % window.length] = (byte) b;
            }
            if (window[start] == '\r' && isDelimiter()) {
                ended = true;
                return -1;
            }
            int out = window[start] & 0xff;
            start = (start + 1) % window.length;
            filled--;
            return out;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            int n = 0;
            while (n < length) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
            }
            return n;
        }

        private boolean isDelimiter() {
            for (int i = 0; i < window.length; i++) {
                if (window[(start + i) % window.length] != delimiter[i]) {
                    return false;
                }
            }
            return true;
        }

        void skipRest() throws IOException {
            while (read() >= 0) {
                // the rest of a part nobody read
            }
        }
    }
}
