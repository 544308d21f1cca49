package org.cofinance.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every call. Without it the server builds a new one per request and body, and with it
 * learns each view's shape again (class models, serializers): an eighth of the server's CPU in the lifecycle benchmark.
 * A {@link Jsonb} is thread-safe.
 */
@Provider
public class JsonBinding implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
