package org.cofinance.interfaces.rest.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What the description holds beyond the resources: its title and server, the Basic credentials or bearer token every
 * operation but the public ones requires, the decimal string money travels as, and the RFC 9457 problem every error takes.
 */
public class ApiModel implements OASModelReader {

    static final String PROBLEM_TYPE_BASE = "https://cofinance.org/problems/";

    /** Every problem type the API answers, by status (docs/api.md, "Errors"). */
    static final Map<Integer, List<String>> PROBLEM_TYPES = new TreeMap<>(Map.ofEntries(
            Map.entry(400, List.of("validation", "malformed")),
            Map.entry(401, List.of("unauthenticated")),
            Map.entry(403, List.of("forbidden", "segregation-of-duties", "cross-site-request",
                    "password-change-required")),
            Map.entry(404, List.of("not-found")),
            Map.entry(409, List.of("conflict", "payment-credits-exhausted", "document-required")),
            Map.entry(413, List.of("payload-too-large")),
            Map.entry(415, List.of("unsupported-media-type")),
            Map.entry(422, List.of("idempotency-key-reused")),
            Map.entry(429, List.of("throttled")),
            Map.entry(500, List.of("internal")),
            Map.entry(503, List.of("database-unavailable"))));

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .info(OASFactory.createInfo().title("Cofinance API").version("2")
                        .description("Funding requests routed through their funders, the two-phase ledger of "
                                + "their envelopes, tasks, programmes, documents, reports and open data. Money "
                                + "travels as decimal strings (Money); every error is an RFC 9457 problem.")
                        .license(OASFactory.createLicense().name("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(OASFactory.createServer().url("/cofinance/api")))
                .components(OASFactory.createComponents()
                        .addSecurityScheme("basic", OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Cofinance user name and password, sent unasked (no challenge)"))
                        .addSecurityScheme("bearer", OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("When an OpenID Connect provider is configured (COFINANCE_OIDC_*): "
                                        + "its access token, for this application's audience, naming a Cofinance "
                                        + "user by the configured claim or by a verified e-mail address"))
                        .addSchema("Money", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .pattern("^-?[0-9]{1,15}(\\.[0-9]{1,2})?$").examples(List.of("1200000.00"))
                                .description("An amount in euros as a decimal string; answers always carry two "
                                        + "decimals"))
                        .addSchema("Problem", problem()))
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("basic"),
                        OASFactory.createSecurityRequirement().addScheme("bearer")));
    }

    private static Schema problem() {
        List<Object> types = PROBLEM_TYPES.values().stream().flatMap(List::stream).sorted()
                .map(t -> (Object) (PROBLEM_TYPE_BASE + t)).toList();
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .enumeration(types))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("with type validation: the fields in error")
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .required(List.of("field", "message"))
                                .addProperty("field", string).addProperty("message", string)));
    }
}
