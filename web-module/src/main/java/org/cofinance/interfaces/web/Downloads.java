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
