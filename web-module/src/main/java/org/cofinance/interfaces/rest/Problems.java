package org.cofinance.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cofinance.domain.model.shared.Violation;

/** RFC 9457 problem details: the only shape an error of the API takes. */
final class Problems {

    /**
     * What an operation that answers no body may be asked for: a client that accepts only the problem of its failure
     * is not refused with a 406.
     */
    static final String PROBLEM_JSON_TYPE = "application/problem+json";
    static final MediaType PROBLEM_JSON = MediaType.valueOf(PROBLEM_JSON_TYPE);
    private static final String TYPE_BASE = "https://cofinance.org/problems/";

    private Problems() {
    }

    static Response of(int status, String type, String title, String detail) {
        return of(status, type, title, detail, null);
    }

    static Response of(int status, String type, String title, String detail, List<Violation> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null) {
            body.put("errors", errors.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
