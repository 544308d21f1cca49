package org.cofinance.interfaces.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The messages shown beside the fields of a form, by the field names the application services use. */
public class FieldErrors implements Serializable {

    private static final long serialVersionUID = 1L;
    private final Map<String, String> messages = new LinkedHashMap<>();

    public String get(String field) {
        return messages.get(field);
    }

    /** The message of a plan line's field, e.g. {@code line(2, "amount")} for {@code plan[2].amount}. */
    public String line(int index, String field) {
        return messages.get("plan[" + index + "]." + field);
    }

    /** The message of a field of the {@code index}th element of a list, e.g. {@code of("partners", 1, "organisationId")}. */
    public String of(String list, int index, String field) {
        return messages.get(list + "[" + index + "]." + field);
    }

    /** The message of a field of the schedule's tranche at {@code index}, e.g. {@code schedule[1].share}. */
    public String scheduleLine(int index, String field) {
        return messages.get("schedule[" + index + "]." + field);
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    void put(String field, String message) {
        messages.merge(field, message, (a, b) -> a + " ; " + b);
    }

    void clear() {
        messages.clear();
    }
}
