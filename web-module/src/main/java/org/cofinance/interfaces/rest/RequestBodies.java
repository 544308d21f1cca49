package org.cofinance.interfaces.rest;

import org.cofinance.domain.model.shared.ValidationException;

final class RequestBodies {

    private RequestBodies() {
    }

    static void require(Object body) {
        if (body == null) {
            throw ValidationException.of("body", "is required");
        }
    }
}
