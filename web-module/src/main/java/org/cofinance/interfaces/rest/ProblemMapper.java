package org.cofinance.interfaces.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cofinance.application.document.DocumentRefusedException;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.application.shared.Failures;
import org.cofinance.application.shared.IdempotencyKeyReusedException;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.ValidationException;

/** Turns every failure into problem+json; never a stack trace, never a 500 for bad input. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof ValidationException v) {
            return Problems.of(400, "validation", "Invalid input", v.getMessage(), v.violations());
        }
        if (cause instanceof AccessDeniedException) {
            return Problems.of(403, "forbidden", "Forbidden", cause.getMessage());
        }
        if (cause instanceof NotFoundException) {
            return Problems.of(404, "not-found", "Not found", cause.getMessage());
        }
        if (cause instanceof IdempotencyKeyReusedException) {
            return Problems.of(422, "idempotency-key-reused", "Idempotency-Key reused", cause.getMessage());
        }
        if (cause instanceof SegregationOfDutiesException) {
            return Problems.of(403, "segregation-of-duties", "Segregation of duties", cause.getMessage());
        }
        if (cause instanceof DocumentRefusedException r) {
            return Problems.of(r.reason().status(), r.reason().problemType(), r.reason() == DocumentRefusedException
                    .Reason.TOO_LARGE ? "Document too large" : "Type not kept", cause.getMessage());
        }
        if (cause instanceof DomainException d) {
            return Problems.of(409, d.problemType(), "Refused by a business rule", cause.getMessage());
        }
        if (cause instanceof JsonbException || cause instanceof ProcessingException) {
            return Problems.of(400, "malformed", "Malformed request body",
                    "the body is not the JSON this endpoint takes");
        }
        if (cause instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return Problems.of(status, "http-" + status, w.getResponse().getStatusInfo().getReasonPhrase(),
                    w.getMessage());
        }
        if (lostDatabase(thrown)) {
            LOG.log(Level.WARNING, "database connection lost; the call was rolled back", thrown);
            return Response.fromResponse(Problems.of(503, "database-unavailable", "Database unavailable",
                    "the database connection failed; nothing was changed, the call may be retried")).header(
                    "Retry-After", "1").build();
        }
        LOG.log(Level.SEVERE, "unexpected failure", thrown);
        return Problems.of(500, "internal", "Internal error", "the request failed; nothing was changed");
    }

    /** A broken connection (SQLState class 08, or the server terminating it: 57P01 to 57P03). */
    private static boolean lostDatabase(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable t = Failures.cause(thrown);
        if (t instanceof WebApplicationException && t.getCause() instanceof JsonbException) {
            return t.getCause();
        }
        return t;
    }
}
