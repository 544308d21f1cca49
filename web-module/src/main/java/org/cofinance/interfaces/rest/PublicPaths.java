package org.cofinance.interfaces.rest;

/**
 * The API's paths read without credentials: the health check, the open data and the API's own description (credentials
 * sent to them are not even read, but for the health check's). One rule for the authentication filter and for the
 * description's security requirements.
 */
public final class PublicPaths {

    private PublicPaths() {
    }

    /** Whether a path within the API ({@code /health}, {@code /opendata/…}) is public for that method. */
    public static boolean isPublic(String method, String path) {
        if ("/health".equals(path)) {
            return true;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return read && (path.startsWith("/opendata/") || "/openapi.json".equals(path) || "/openapi.yaml".equals(path));
    }

    /**
     * Whether a public path answers more to a signed-in caller — the health check tells an administrator the node's
     * process id —, so that credentials sent to it are checked rather than ignored.
     */
    public static boolean answersMoreToTheSignedIn(String path) {
        return "/health".equals(path);
    }
}
