package org.cofinance.application.access;

/**
 * Who an OpenID Connect provider says the caller is, once his token was checked: its issuer and subject, the
 * Cofinance user name when the provider is configured to send it in a claim of its own, and his e-mail address and
 * whether the provider verified it. Roles and organisation stay Cofinance's.
 */
public record FederatedIdentity(String issuer, String subject, String username, String email, boolean emailVerified) {

    /** What the sign-in audit keeps of this identity as the name tried (at most 64 characters). */
    public String auditName() {
        String name = username != null ? username : email != null ? email : subject;
        String shown = name == null ? "unknown" : name;
        return shown.length() > 64 ? shown.substring(0, 64) : shown;
    }
}
