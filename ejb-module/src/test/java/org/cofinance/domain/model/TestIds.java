package org.cofinance.domain.model;

import java.lang.reflect.Field;

/** Gives an entity the id the database would give it. */
public final class TestIds {

    private TestIds() {
    }

    public static <T> T withId(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
