package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.cofinance.application.document.DocumentService;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A document's bytes, streamed chunk by chunk (never whole in the heap), identical to what was uploaded, to whoever may
 * read its request (404 otherwise): as an attachment under its name (RFC 6266 and 5987), in its detected type, never
 * sniffed nor cached.
 */
@Tag(name = "Documents")
@Path("/documents")
public class DocumentResource {

    @EJB
    private DocumentService documents;

    @GET
    @Path("/{id}/content")
    @APIResponse(responseCode = "200",
            description = "the bytes as they were kept, with their content type, as an attachment",
            content = {@Content(mediaType = "application/octet-stream",
                schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response content(@PathParam("id") long id) {
        DocumentService.Download download = documents.download(id);
        StreamingOutput body = out -> {
            for (int i = 0; i < download.chunks(); i++) {
                out.write(documents.chunk(id, i));
            }
        };
        return Response.ok(body, download.document().contentType())
                .header("Content-Length", download.document().size())
                .header("Content-Disposition", attachment(download.document().name()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store").build();
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded}. */
    static String attachment(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
