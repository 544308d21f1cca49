package org.cofinance.reports;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rows of one report, read once and in order, as a database cursor gives them, so that a report over many rows
 * never holds them all. How many there are is known before the first is read: the progress of a long export is told
 * against it. Closing the rows closes the cursor behind them.
 */
public final class ReportRows implements AutoCloseable {

    private final int count;
    private final Stream<? extends Map<String, ?>> stream;
    private Iterator<? extends Map<String, ?>> iterator;

    private ReportRows(int count, Stream<? extends Map<String, ?>> stream) {
        if (count < 0) {
            throw new IllegalArgumentException("a number of rows cannot be negative: " + count);
        }
        this.count = count;
        this.stream = stream;
    }

    /** Rows already in memory (a request sheet, a fixture). */
    public static ReportRows of(List<? extends Map<String, ?>> rows) {
        return new ReportRows(rows.size(), rows.stream());
    }

    /** Rows read as the report is produced; {@code count} of them, closed with the rows. */
    public static ReportRows streamed(int count, Stream<? extends Map<String, ?>> rows) {
        return new ReportRows(count, rows);
    }

    public int count() {
        return count;
    }

    /** The rows not read yet, one after the other; the rows can be read only once. */
    Iterator<? extends Map<String, ?>> iterator() {
        if (iterator == null) {
            iterator = stream.iterator();
        }
        return iterator;
    }

    /** What is left of the rows, in memory: for the small reports that draw from their rows twice. */
    public List<Map<String, ?>> remaining() {
        List<Map<String, ?>> rows = new ArrayList<>(count);
        iterator().forEachRemaining(rows::add);
        return rows;
    }

    @Override
    public void close() {
        stream.close();
    }
}
