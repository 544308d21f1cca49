package org.cofinance.interfaces.sso;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.cofinance.application.access.FederatedIdentity;

/**
 * The configured OpenID Connect provider, as Nimbus's SDK speaks to it: its metadata discovered on first use (and
 * again after a failure), the authorization request with state, nonce and a PKCE (S256) challenge, the code exchanged
 * with the client's secret, the ID token checked (signature against the provider's keys, issuer, audience, expiry,
 * nonce), its access tokens checked the same way for the API (issuer, audience, expiry, signature), and the
 * provider's end-session address for the sign-out.
 */
@ApplicationScoped
public class OidcProvider {

    private static final int TIMEOUT_MS = 5_000;

    /** What the pages keep in the session between the redirect to the provider and its answer. */
    public record Pending(String state, String nonce, String verifier, String next) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A pending sign-in and the provider's page that carries it on. */
    public record Start(Pending pending, URI redirect) {
    }

    /** Who signed in at the provider, and the ID token to name at the sign-out. */
    public record SignedIn(FederatedIdentity identity, String idToken) {
    }

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator idTokens,
                              DefaultJWTProcessor<SecurityContext> accessTokens) {
    }

    private final Optional<OidcSettings> settings = OidcSettings.configured();
    private volatile Discovered discovered;

    public boolean isConfigured() {
        return settings.isPresent();
    }

    /** How the login page names the provider. */
    public String label() {
        return settings.map(OidcSettings::label).orElse("");
    }

    /** A new sign-in: the provider's authorization page for it, and what to check its answer with. */
    public Start start(URI callback, String next) {
        OidcSettings oidc = settings();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
                new ClientID(oidc.clientId()), callback)
                .endpointURI(discovered().metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new Start(new Pending(state.getValue(), nonce.getValue(), verifier.getValue(), next), redirect);
    }

    /** Exchanges the provider's code and checks the ID token it gives back against the pending sign-in. */
    public SignedIn finish(Pending pending, String code, URI callback) {
        OidcSettings oidc = settings();
        Discovered provider = discovered();
        TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(oidc.clientId()), new Secret(oidc.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), callback,
                        new CodeVerifier(pending.verifier())));
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new SignInRefusedException("the provider refused the code: "
                        + ((TokenErrorResponse) response).getErrorObject().getCode());
            }
            JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = provider.idTokens().validate(idToken, new Nonce(pending.nonce()));
            return new SignedIn(identity(claims.toJWTClaimsSet()), idToken.serialize());
        } catch (IOException e) {
            throw new SignInRefusedException("the provider could not be reached", e);
        } catch (ParseException | BadJOSEException | JOSEException | java.text.ParseException e) {
            throw new SignInRefusedException("the provider's answer cannot be trusted: " + e.getMessage(), e);
        }
    }

    /** The identity an access token sent to the API carries, once its signature, issuer, audience and times hold. */
    public FederatedIdentity verifyAccessToken(String token) {
        try {
            return identity(discovered().accessTokens().process(JWTParser.parse(token), null));
        } catch (java.text.ParseException | BadJOSEException | JOSEException e) {
            throw new SignInRefusedException("the access token cannot be trusted: " + e.getMessage(), e);
        }
    }

    /** The provider's end-session page for the user signed in with that ID token, coming back to {@code back}. */
    public Optional<URI> endSession(String idToken, URI back) {
        URI endpoint = discovered().metadata().getEndSessionEndpointURI();
        if (endpoint == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LogoutRequest(endpoint, JWTParser.parse(idToken), back, new State()).toURI());
        } catch (java.text.ParseException e) {
            throw new SignInRefusedException("the session's ID token cannot be read", e);
        }
    }

    private FederatedIdentity identity(JWTClaimsSet claims) throws java.text.ParseException {
        OidcSettings oidc = settings();
        String username = oidc.userClaim() == null ? null : claims.getStringClaim(oidc.userClaim());
        Boolean verified = claims.getBooleanClaim("email_verified");
        return new FederatedIdentity(claims.getIssuer(), claims.getSubject(), username,
                claims.getStringClaim("email"), Boolean.TRUE.equals(verified));
    }

    private OidcSettings settings() {
        return settings.orElseThrow(() -> new SignInRefusedException("no identity provider is configured"));
    }

    private Discovered discovered() {
        Discovered known = discovered;
        if (known == null) {
            synchronized (this) {
                known = discovered;
                if (known == null) {
                    known = discover(settings());
                    discovered = known;
                }
            }
        }
        return known;
    }

    private static Discovered discover(OidcSettings oidc) {
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(oidc.issuer()), TIMEOUT_MS,
                    TIMEOUT_MS);
            IDTokenValidator idTokens = new IDTokenValidator(metadata.getIssuer(), new ClientID(oidc.clientId()),
                    JWSAlgorithm.RS256, metadata.getJWKSetURI().toURL());
            idTokens.setMaxClockSkew((int) oidc.clockSkew().toSeconds());
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(true)
                    .build();
            DefaultJWTProcessor<SecurityContext> accessTokens = new DefaultJWTProcessor<>();
            accessTokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(oidc.audience(),
                    new JWTClaimsSet.Builder().issuer(metadata.getIssuer().getValue()).build(),
                    Set.of("sub", "exp", "iat"));
            claims.setMaxClockSkew((int) oidc.clockSkew().toSeconds());
            accessTokens.setJWTClaimsSetVerifier(claims);
            return new Discovered(metadata, idTokens, accessTokens);
        } catch (MalformedURLException e) {
            throw new SignInRefusedException("the provider's key set has no valid address", e);
        } catch (GeneralException | IOException e) {
            throw new SignInRefusedException("the provider's metadata could not be read from " + oidc.issuer(), e);
        }
    }
}
