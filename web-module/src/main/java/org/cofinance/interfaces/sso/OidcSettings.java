package org.cofinance.interfaces.sso;

import java.time.Duration;
import java.util.Optional;

/**
 * The identity provider Cofinance trusts, read from the system properties {@code cofinance.oidc.*} or else the
 * environment's {@code COFINANCE_OIDC_*}: its issuer, this application's client id and secret, and optionally the claim
 * that carries the Cofinance user name (else the verified e-mail address identifies the user), the audience the
 * access tokens must carry (the client id by default), the clock skew tolerated on their times (30 s) and the name the
 * login page gives the provider.
 */
public record OidcSettings(String issuer, String clientId, String clientSecret, String userClaim, String audience,
                           Duration clockSkew, String label) {

    /** The configured provider; empty unless its issuer, client id and secret are all set. */
    public static Optional<OidcSettings> configured() {
        String issuer = value("issuer");
        String clientId = value("client-id");
        String secret = value("client-secret");
        if (issuer == null || clientId == null || secret == null) {
            return Optional.empty();
        }
        String skew = value("clock-skew-seconds");
        return Optional.of(new OidcSettings(issuer, clientId, secret, value("user-claim"),
                Optional.ofNullable(value("audience")).orElse(clientId),
                Duration.ofSeconds(skew == null ? 30 : Long.parseLong(skew)),
                Optional.ofNullable(value("label")).orElse("ProConnect")));
    }

    private static String value(String name) {
        String value = System.getProperty("cofinance.oidc." + name);
        if (value == null) {
            value = System.getenv("COFINANCE_OIDC_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
