package org.cofinance.interfaces.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Sends a file to the browser as the answer of a page action. */
public final class Downloads {

    private Downloads() {
    }

    /** The bytes of a download, written chunk by chunk (a document is never whole in the heap). */
    @FunctionalInterface
    public interface Chunks {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams {@code size} bytes as an attachment, never sniffed nor cached. */
    public static void stream(long size, String contentType, String fileName, Chunks chunks) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext context = faces.getExternalContext();
        context.responseReset();
        context.setResponseContentType(contentType);
        context.setResponseHeader("Content-Length", String.valueOf(size));
        context.setResponseHeader("X-Content-Type-Options", "nosniff");
        context.setResponseHeader("Cache-Control", "no-store");
        context.setResponseHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = context.getResponseOutputStream()) {
            chunks.writeTo(out);
        }
        faces.responseComplete();
    }

    public static void send(byte[] content, String contentType, String fileName) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext context = faces.getExternalContext();
        context.responseReset();
        context.setResponseContentType(contentType);
        context.setResponseContentLength(content.length);
        context.setResponseHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        try (OutputStream out = context.getResponseOutputStream()) {
            out.write(content);
        }
        faces.responseComplete();
    }
}
