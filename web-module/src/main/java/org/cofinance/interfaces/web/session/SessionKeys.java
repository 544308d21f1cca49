package org.cofinance.interfaces.web.session;

/** What a page session holds about its user, whichever way he signed in (password or single sign-on). */
public final class SessionKeys {

    /** The signed-in user name. */
    public static final String USER = "cofinance.user";
    /** When the session signed in (an {@link java.time.Instant}). */
    public static final String SIGNED_IN_AT = "cofinance.signedInAt";
    /** Set while the user must replace a password an administrator set. */
    public static final String PASSWORD_CHANGE = "cofinance.passwordChange";
    /** The provider's ID token of a single sign-on, named to the provider at the sign-out. */
    public static final String ID_TOKEN = "cofinance.sso.idToken";
    /** The identity the provider vouched for that no Cofinance user answers to, for the page that says so. */
    public static final String REFUSED_IDENTITY = "cofinance.sso.refusedIdentity";
    /** After the sign-out of a single sign-on, the provider's end-session address the browser goes on to. */
    public static final String PROVIDER_SIGN_OUT = "cofinance.sso.signOut";
    public static final String PASSWORD_PAGE = "/app/password.xhtml";

    private SessionKeys() {
    }

    /** Where to go after signing in: only a page of the application, never another site. */
    public static String safeNext(String next) {
        if (next != null && next.startsWith("/app/") && !next.contains("//") && !next.contains("\\")
                && !next.contains("..")) {
            return next;
        }
        return "/app/home.xhtml";
    }
}
