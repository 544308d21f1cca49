package org.cofinance.interfaces.rest.openapi;

import java.util.List;
import java.util.stream.Collectors;
import org.cofinance.interfaces.rest.PublicPaths;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Gives every operation what the API's filters and exception mappers answer for all of them, as they do it: no
 * security requirement on the public paths (health, open data, this description), the problems each kind of call can
 * meet (a 400 where something is read from the call, 401/403 where credentials are, 404 where a path names a thing,
 * 409 where something changes, 413/415 where a file is sent, 422 where an idempotency key is taken, 429 and 503
 * anywhere), and operation ids without the resources' class suffix.
 */
public class ApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getOperationId() != null) {
            operation.setOperationId(operation.getOperationId().replace("Resource_", "_"));
        }
        boolean open = PublicPaths.isPublic(method.name(), path);
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (open) {
            operation.setSecurity(List.of());
        } else {
            problem(operation, 401, "no or wrong credentials");
            problem(operation, 403, "the caller lacks the role or the organisation, or the call breaks the "
                    + "segregation of duties");
        }
        if (changes || hasParameters(operation)) {
            problem(operation, 400, "a field or parameter breaks a rule (errors lists them), or the body is not "
                    + "the JSON this operation takes");
        }
        if (path.contains("{")) {
            problem(operation, 404, "no such thing, or not visible to the caller");
        }
        if (changes) {
            problem(operation, 409, "a business rule refuses the action; nothing changed");
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("multipart/form-data")) {
            problem(operation, 413, "the file is larger than the limit");
            problem(operation, 415, "a type of file that is not kept");
        }
        if (hasHeader(operation, "Idempotency-Key")) {
            problem(operation, 422, "the Idempotency-Key already answered another body or operation");
        }
        if (open || !path.startsWith("/openapi")) {
            problem(operation, 429, open ? "too many calls from this address (Retry-After)"
                    : "too many wrong passwords for this user name (Retry-After)");
        }
        problem(operation, 503, "the database is unavailable; nothing changed (Retry-After)");
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.PATH
                        || p.getIn() == Parameter.In.HEADER);
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void problem(Operation operation, int status, String when) {
        String code = Integer.toString(status);
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(code)) {
            return;
        }
        String types = ApiModel.PROBLEM_TYPES.get(status).stream().map(t -> "`" + t + "`")
                .collect(Collectors.joining(", "));
        APIResponse response = OASFactory.createAPIResponse()
                .description(when + " — problem type " + types)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        operation.getResponses().addAPIResponse(code, response);
    }
}
