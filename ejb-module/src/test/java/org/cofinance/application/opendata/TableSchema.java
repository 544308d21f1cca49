package org.cofinance.application.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.organisation.Siret;

/**
 * A validator of a CSV against a Frictionless Table Schema read from its file — header, types (string, number, date,
 * boolean with its true and false values), constraints (required, pattern, enum, maxLength, minimum, maximum) — and
 * Validata's custom checks the SCDL schema names (french-siret-value, one-of-required). A constraint or a check it does
 * not know fails the validation: a later schema that adds one breaks the test, not a user's import.
 */
public final class TableSchema {

    private final JsonNode schema;

    private TableSchema(JsonNode schema) {
        this.schema = schema;
    }

    public static TableSchema read(String resource) {
        try (InputStream in = TableSchema.class.getClassLoader().getResourceAsStream(resource)) {
            return new TableSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every error of the CSV, as "line n, field: what"; empty when it is valid. */
    public List<String> errors(String csv) {
        List<String> errors = new ArrayList<>();
        List<List<String>> rows = parse(csv);
        List<String> names = new ArrayList<>();
        schema.get("fields").forEach(f -> names.add(f.get("name").asText()));
        if (rows.isEmpty() || !rows.get(0).equals(names)) {
            errors.add("header: " + (rows.isEmpty() ? "none" : rows.get(0)) + " is not " + names);
            return errors;
        }
        for (int line = 1; line < rows.size(); line++) {
            List<String> row = rows.get(line);
            if (row.size() != names.size()) {
                errors.add("line " + line + ": " + row.size() + " cells, not " + names.size());
                continue;
            }
            for (int i = 0; i < names.size(); i++) {
                checkField(schema.get("fields").get(i), row.get(i), "line " + line + ", " + names.get(i), errors);
            }
            checkCustom(names, row, "line " + line, errors);
        }
        return errors;
    }

    private static void checkField(JsonNode field, String value, String where, List<String> errors) {
        JsonNode constraints = field.path("constraints");
        if (value.isEmpty()) {
            if (constraints.path("required").asBoolean(false)) {
                errors.add(where + ": required");
            }
            return;
        }
        String type = field.path("type").asText("string");
        switch (type) {
            case "string" -> { }
            case "number" -> {
                if (!value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                    errors.add(where + ": not a number with a decimal point: " + value);
                    return;
                }
            }
            case "date" -> {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    errors.add(where + ": not a date YYYY-MM-DD: " + value);
                    return;
                }
            }
            case "boolean" -> {
                List<String> accepted = new ArrayList<>();
                field.path("trueValues").forEach(v -> accepted.add(v.asText()));
                field.path("falseValues").forEach(v -> accepted.add(v.asText()));
                if (!accepted.contains(value)) {
                    errors.add(where + ": not one of " + accepted + ": " + value);
                }
            }
            default -> errors.add(where + ": a type this validator does not know: " + type);
        }
        constraints.fieldNames().forEachRemaining(name -> {
            JsonNode c = constraints.get(name);
            switch (name) {
                case "required" -> { }
                case "pattern" -> {
                    if (!value.matches(c.asText())) {
                        errors.add(where + ": does not match " + c.asText() + ": " + value);
                    }
                }
                case "maxLength" -> {
                    if (value.codePointCount(0, value.length()) > c.asInt()) {
                        errors.add(where + ": longer than " + c.asInt());
                    }
                }
                case "enum" -> {
                    List<String> allowed = new ArrayList<>();
                    c.forEach(v -> allowed.add(v.asText()));
                    if (!allowed.contains(value)) {
                        errors.add(where + ": not one of " + allowed + ": " + value);
                    }
                }
                case "minimum" -> {
                    if (new BigDecimal(value).compareTo(c.decimalValue()) < 0) {
                        errors.add(where + ": below " + c.asText());
                    }
                }
                case "maximum" -> {
                    if (new BigDecimal(value).compareTo(c.decimalValue()) > 0) {
                        errors.add(where + ": above " + c.asText());
                    }
                }
                default -> errors.add(where + ": a constraint this validator does not know: " + name);
            }
        });
    }

    private void checkCustom(List<String> names, List<String> row, String where, List<String> errors) {
        for (JsonNode check : schema.path("custom_checks")) {
            JsonNode params = check.path("params");
            switch (check.get("name").asText()) {
                case "french-siret-value" -> {
                    String value = row.get(names.indexOf(params.get("column").asText()));
                    if (!value.isEmpty() && !Siret.isValid(value)) {
                        errors.add(where + ", " + params.get("column").asText() + ": not a valid SIRET: " + value);
                    }
                }
                case "one-of-required" -> {
                    String first = row.get(names.indexOf(params.get("column1").asText()));
                    String second = row.get(names.indexOf(params.get("column2").asText()));
                    if (first.isEmpty() && second.isEmpty()) {
                        errors.add(where + ": one of " + params.get("column1").asText() + " and "
                                + params.get("column2").asText() + " is required");
                    }
                }
                default -> errors.add(where + ": a custom check this validator does not know: "
                        + check.get("name").asText());
            }
        }
    }

    /** RFC 4180 rows: quoted cells may hold commas and doubled quotes. */
    public static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : csv.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }
}
