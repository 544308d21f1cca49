package org.cofinance.application.request;

/**
 * What a list of requests is filtered by; every field is optional. {@code text} matches the reference, the title or
 * the territory, ignoring case; {@code funderId} keeps the requests with a line of that organisation.
 */
public record RequestCriteria(String programme, String status, String territory, String theme, String envelopeCode,
                              Long funderId, String text) {

    public static RequestCriteria none() {
        return new RequestCriteria(null, null, null, null, null, null, null);
    }

    static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
