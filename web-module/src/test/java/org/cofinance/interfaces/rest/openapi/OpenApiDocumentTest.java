package org.cofinance.interfaces.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI description the build generated (SmallRye's plugin, into the WAR's classes) read by swagger-parser, a
 * validator independent of the generator: valid, and describing the resources as they are and as docs/api.md says.
 */
@SuppressWarnings("rawtypes")
class OpenApiDocumentTest {

    private static final java.nio.file.Path DOCUMENT = java.nio.file.Path.of("target/classes/META-INF/openapi/openapi.json");
    private static final Pattern DOCUMENTED = Pattern.compile("`(GET|POST|PUT|DELETE) (/[^`?\\s]*)");
    private static final Set<String> MONEY = Set.of("amount", "ceiling", "reserved", "committed", "disbursed",
            "available", "recovered", "paid", "eligibleCost", "eligibleCostBefore", "eligibleCostAfter");

    private static SwaggerParseResult parsed;
    private static OpenAPI api;

    @BeforeAll
    static void read() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        parsed = new OpenAPIParser().readContents(Files.readString(DOCUMENT, StandardCharsets.UTF_8), null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void shouldBeAValidOpenApi3Document() {
        // given the description the build generated, when swagger-parser reads and validates it
        // then it finds nothing to say
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("/cofinance/api");
    }

    @Test
    void shouldDescribeEveryMethodOfEveryResource() {
        // given every JAX-RS resource method of the API
        Set<String> resources = new TreeSet<>();
        for (Class<?> resource : resourceClasses()) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path path = method.getAnnotation(Path.class);
                    resources.add(verb + " " + normalise(base + (path == null ? "" : "/" + path.value())));
                }
            }
        }

        // when the description's operations are listed, then each method is there, and nothing else
        assertThat(resources).hasSizeGreaterThan(45);
        assertThat(operations()).isEqualTo(resources);
    }

    @Test
    void shouldDescribeEveryOperationTheDocumentationNames() throws IOException {
        // given every "`VERB /path" that docs/api.md names
        Set<String> documented = new TreeSet<>();
        Matcher m = DOCUMENTED.matcher(Files.readString(java.nio.file.Path.of("../docs/api.md")));
        while (m.find()) {
            documented.add(m.group(1) + " " + m.group(2).replaceAll("\\{[^}]+}", "{}"));
        }
        Set<String> described = new TreeSet<>();
        operations().forEach(o -> described.add(o.replaceAll("\\{[^}]+}", "{}")));

        // then the description has each
        assertThat(documented).hasSizeGreaterThan(30);
        assertThat(described).containsAll(documented);
    }

    @Test
    void shouldCarryEveryAmountAsADecimalStringWithItsPattern() {
        // given the Money schema
        Schema<?> money = api.getComponents().getSchemas().get("Money");
        Pattern pattern = Pattern.compile(money.getPattern());

        // then it takes the API's decimal strings and nothing else
        assertThat(money.getTypes()).containsExactly("string");
        assertThat(List.of("1200000.00", "0.5", "-12.34", "4000000")).allMatch(t -> pattern.matcher(t).matches());
        assertThat(List.of("1e6", "1,50", "12.345", "", "1 200 000.00")).noneMatch(t -> pattern.matcher(t).matches());

        // and every amount of every schema refers to it
        List<String> amounts = new ArrayList<>();
        for (Map.Entry<String, Schema> schema : api.getComponents().getSchemas().entrySet()) {
            Map<String, Schema> properties = schema.getValue().getProperties();
            if (properties != null) {
                properties.forEach((property, type) -> {
                    if (MONEY.contains(property)) {
                        amounts.add(schema.getKey() + "." + property + " " + type.get$ref());
                    }
                });
            }
        }
        assertThat(amounts).hasSizeGreaterThan(25)
                .allSatisfy(a -> assertThat(a).endsWith(" #/components/schemas/Money"));
    }

    @Test
    void shouldAskCredentialsOfEveryOperationButThePublicOnes() {
        // given the global requirement of Basic credentials or of the identity provider's bearer token
        assertThat(api.getSecurity()).hasSize(2).anySatisfy(r -> assertThat(r).containsOnlyKeys("basic"))
                .anySatisfy(r -> assertThat(r).containsOnlyKeys("bearer"));
        assertThat(api.getComponents().getSecuritySchemes().get("basic").getScheme()).isEqualTo("basic");
        assertThat(api.getComponents().getSecuritySchemes().get("bearer").getBearerFormat()).isEqualTo("JWT");

        // then the open data, the health and this description need none, and say they may not be refused for it
        forEachOperation((path, verb, operation) -> {
            boolean open = path.startsWith("/opendata/") || path.equals("/health") || path.startsWith("/openapi");
            if (open) {
                assertThat(operation.getSecurity()).as(verb + " " + path).isEmpty();
                assertThat(operation.getResponses()).as(verb + " " + path).doesNotContainKey("401");
            } else {
                assertThat(operation.getSecurity()).as(verb + " " + path).isNull();
                assertThat(operation.getResponses()).as(verb + " " + path).containsKeys("401", "403");
            }
        });
    }

    @Test
    void shouldDescribeTheProblemsOfEachOperationWithEveryDocumentedType() throws IOException {
        // given the problem types of docs/api.md's table of errors
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| (\\d{3}) \\| `([a-z-]+)` \\|", Pattern.MULTILINE)
                .matcher(Files.readString(java.nio.file.Path.of("../docs/api.md")));
        while (row.find()) {
            documented.add("https://cofinance.org/problems/" + row.group(2));
        }

        // then the Problem schema's type names each of them
        Schema<?> problem = api.getComponents().getSchemas().get("Problem");
        assertThat(documented).hasSizeGreaterThan(10);
        assertThat(problem.getProperties().get("type").getEnum()).map(Object::toString).containsAll(documented);

        // and every operation answers its problems as problem+json: a change its 409, a named thing its 404
        forEachOperation((path, verb, operation) -> {
            Map<String, io.swagger.v3.oas.models.responses.ApiResponse> responses = operation.getResponses();
            assertThat(responses).as(verb + " " + path).containsKey("503");
            if (!"GET".equals(verb)) {
                assertThat(responses).as(verb + " " + path).containsKeys("400", "409");
            }
            if (path.contains("{")) {
                assertThat(responses).as(verb + " " + path).containsKey("404");
            }
            responses.forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(response.getContent()).as(verb + " " + path + " " + status)
                            .containsOnlyKeys("application/problem+json");
                } else {
                    assertThat(status).as(verb + " " + path).matches("20[0-4]");
                }
            });
        });
        assertThat(api.getPaths().get("/requests/{id}/documents").getPost().getResponses())
                .containsKeys("201", "413", "415");
        assertThat(api.getPaths().get("/requests").getPost().getResponses()).containsKeys("201", "422")
                .doesNotContainKey("200");
    }

    private interface OperationCheck {
        void check(String path, String verb, Operation operation);
    }

    private static void forEachOperation(OperationCheck check) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((verb, operation) -> check.check(path, verb.name(), operation)));
    }

    private static Set<String> operations() {
        Set<String> all = new TreeSet<>();
        forEachOperation((path, verb, operation) -> all.add(verb + " " + path));
        return all;
    }

    private static List<Class<?>> resourceClasses() {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes/org/cofinance/interfaces/rest");
        try (Stream<java.nio.file.Path> files = Files.list(classes)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> load("org.cofinance.interfaces.rest." + n.substring(0, n.length() - 6)))
                    .filter(c -> c.isAnnotationPresent(Path.class)).<Class<?>>map(c -> c).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verb(Method method) {
        return method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE"
                : null;
    }

    /** A JAX-RS template as OpenAPI writes it: one slash between segments, no regular expression in a parameter. */
    private static String normalise(String path) {
        String joined = ("/" + path).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
