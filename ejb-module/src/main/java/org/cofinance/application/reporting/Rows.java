package org.cofinance.application.reporting;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the report sources: native rows to maps, days to instants. */
final class Rows {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Rows() {
    }

    /** Runs a native query and names its columns. */
    @SuppressWarnings("unchecked")
    static List<Map<String, ?>> of(Query query, List<String> columns) {
        List<Object[]> results = query.getResultList();
        return results.stream().<Map<String, ?>>map(values -> {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), values[i]);
            }
            return row;
        }).toList();
    }

    /** The first instant after the given day, in Paris; the end of time when no day is given. */
    static Timestamp endOf(LocalDate day) {
        return day == null ? org.cofinance.application.LedgerQueries.END_OF_TIME
                : Timestamp.from(day.plusDays(1).atStartOfDay(PARIS).toInstant());
    }

    static Timestamp startOf(LocalDate day) {
        return day == null ? Timestamp.valueOf("1970-01-01 00:00:00")
                : Timestamp.from(day.atStartOfDay(PARIS).toInstant());
    }
}
