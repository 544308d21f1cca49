package org.cofinance.interfaces.web.tasks;

import java.io.Serializable;
import java.util.List;

/**
 * Which rows of a list read whole a page shows, a fixed number at a time: the page stays where it was when the list
 * is read again, unless the list became shorter than where the page began (after claims), then the last page shows.
 */
final class RowPages implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int size;
    private int page;

    RowPages(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one row");
        }
        this.size = size;
    }

    <T> List<T> of(List<T> rows) {
        page = Math.min(page, Math.max(0, (rows.size() - 1) / size));
        return rows.subList(page * size, Math.min(rows.size(), (page + 1) * size));
    }

    /** The position of the page's first row, from 1; 0 when there is none. */
    int first(List<?> rows) {
        return of(rows).isEmpty() ? 0 : page * size + 1;
    }

    int last(List<?> rows) {
        return page * size + of(rows).size();
    }

    boolean paged(List<?> rows) {
        return rows.size() > size;
    }

    void next(List<?> rows) {
        if ((page + 1) * size < rows.size()) {
            page++;
        }
    }

    void previous() {
        if (page > 0) {
            page--;
        }
    }

    void restart() {
        page = 0;
    }
}
