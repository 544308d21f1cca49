package org.cofinance.infrastructure.reporting;

import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.cofinance.reports.ReportRows;

/** Small helpers shared by the report sources: native rows streamed as maps, days to instants. */
final class Rows {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Rows() {
    }

    /** Rows read from the database at a time while a report is produced. */
    static final int FETCH_SIZE = 1_000;

    /** Hibernate's hint for the JDBC fetch size (PostgreSQL then reads through a cursor inside the transaction). */
    private static final String FETCH_SIZE_HINT = "org.hibernate.fetchSize";

    /**
     * Runs a native query and names its columns, reading the rows through a database cursor as the report consumes
     * them. The query ends with one more column, {@code count(*) over ()}: how many rows there are, known with the
     * first one.
     */
    static ReportRows of(Query query, List<String> columns) {
        return of(query, columns, row -> { });
    }

    /** The same, {@code complete} adding to each row what the query does not give (derived from domain rules). */
    @SuppressWarnings("unchecked")
    static ReportRows of(Query query, List<String> columns, Consumer<Map<String, Object>> complete) {
        Stream<Object[]> results = query.setHint(FETCH_SIZE_HINT, FETCH_SIZE).getResultStream();
        Iterator<Object[]> cursor = results.iterator();
        if (!cursor.hasNext()) {
            results.close();
            return ReportRows.of(List.of());
        }
        Object[] first = cursor.next();
        int count = ((Number) first[columns.size()]).intValue();
        Stream<Object[]> rest = StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
        return ReportRows.streamed(count, Stream.concat(Stream.<Object[]>of(first), rest).<Map<String,
                ?>>map(values -> {
            Map<String, Object> row = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                row.put(columns.get(i), values[i]);
            }
            complete.accept(row);
            return row;
        }).onClose(results::close));
    }

    /** The first instant after the given day, in Paris; the end of time when no day is given. */
    static Timestamp endOf(LocalDate day) {
        return day == null ? LedgerQueries.END_OF_TIME
                : Timestamp.from(day.plusDays(1).atStartOfDay(PARIS).toInstant());
    }

    static Timestamp startOf(LocalDate day) {
        return day == null ? Timestamp.valueOf("1970-01-01 00:00:00")
                : Timestamp.from(day.atStartOfDay(PARIS).toInstant());
    }
}
