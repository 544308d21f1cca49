package org.cofinance.application.shared;

import org.cofinance.domain.model.shared.ValidationException;

/** A page of a list: {@code ?page=} from 0, {@code ?size=} 1 to 500, 50 by default. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public Paging {
        if (page < 0) {
            throw ValidationException.of("page", "is 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ValidationException.of("size", "is between 1 and " + MAX_SIZE);
        }
    }

    public static Paging of(Integer page, Integer size) {
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
