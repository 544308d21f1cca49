package org.cofinance.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cofinance.domain.model.shared.ValidationException;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    private static final String BOUNDARY = "----b0undary";

    private static byte[] body(byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(file);
        out.write(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nEVIDENCE\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"trancheId\"\r\n\r\n42\r\n--" + BOUNDARY
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void shouldStreamEachPartToItsBoundaryWhateverTheFileHoldsAndWhateverTheOrderOfTheParts() throws IOException {
        // given a file of noise holding line breaks and a boundary's beginning, sent before its fields
        byte[] file = new byte[300_000];
        new SplittableRandom(7).nextBytes(file);
        byte[] trap = ("\r\n--" + BOUNDARY.substring(0, 6)).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(trap, 0, file, 1000, trap.length);
        file[file.length - 1] = '\r';

        // when it is read
        MultipartReader reader = MultipartReader.of("multipart/form-data; boundary=" + BOUNDARY,
                new ByteArrayInputStream(body(file)), 1_000_000);
        List<String> fields = new ArrayList<>();
        byte[] read = null;
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            if (part.fileName() != null) {
                assertThat(part.fileName()).isEqualTo("pv.pdf");
                read = part.content().readAllBytes();
            } else {
                fields.add(part.name() + "=" + part.text(100));
            }
        }

        // then the file is exactly what was sent, and the fields after it are read
        assertThat(read).isEqualTo(file);
        assertThat(fields).containsExactly("kind=EVIDENCE", "trancheId=42");
    }

    @Test
    void shouldRefuseABodyLargerThanAllowedWhateverPartCarriesIt() throws IOException {
        byte[] body = body(new byte[5_000]);
        MultipartReader reader = MultipartReader.of("multipart/form-data; boundary=" + BOUNDARY,
                new ByteArrayInputStream(body), 4_000);
        assertThatThrownBy(() -> reader.next().content().readAllBytes())
                .isInstanceOf(org.cofinance.application.document.DocumentRefusedException.class);
    }

    @Test
    void shouldRefuseABodyWithoutBoundaryOrCutShort() throws IOException {
        assertThatThrownBy(() -> MultipartReader.of("application/json", new ByteArrayInputStream(new byte[0]), 100))
                .isInstanceOf(ValidationException.class);
        byte[] whole = body("abc".getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(whole, 120);
        MultipartReader reader = MultipartReader.of("multipart/form-data; boundary=\"" + BOUNDARY + "\"",
                new ByteArrayInputStream(cut), 1_000);
        MultipartReader.Part file = reader.next();
        assertThatThrownBy(() -> file.content().readAllBytes()).isInstanceOf(ValidationException.class);
    }
}
