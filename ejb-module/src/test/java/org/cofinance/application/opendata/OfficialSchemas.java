package org.cofinance.application.opendata;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;

/**
 * The official schemas of the open data, read from their files (vendored unmodified under {@code schemas/}), for the
 * format tests and the ITs alike: the SCDL « Subventions » 2.1.1 Table Schema, and the 360Giving 1.4.3 package schema
 * for a JSON Schema 2020-12 validator that asserts formats, its grant schema found offline by its {@code $id}.
 */
public final class OfficialSchemas {

    private static final String GRANT_SCHEMA_ID =
            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

    private OfficialSchemas() {
    }

    public static TableSchema scdl() {
        return TableSchema.read("schemas/scdl-subventions-2.1.1.json");
    }

    public static Schema threeSixtyGiving() {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                        .schemaIdResolvers(resolvers -> resolvers.mappings(Map.of(GRANT_SCHEMA_ID,
                                "classpath:schemas/360giving-1.4.3-schema.json"))))
                .getSchema(SchemaLocation.of("classpath:schemas/360giving-1.4.3-package-schema.json"));
    }
}
