package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.cofinance.application.access.FederatedIdentity;
import org.cofinance.application.access.SignInService;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.interfaces.http.ClientAddress;
import org.cofinance.interfaces.sso.OidcProvider;
import org.cofinance.interfaces.sso.SignInRefusedException;

/**
 * HTTP Basic authentication of the API over the application's own identity store — or, when an identity provider is
 * configured, its bearer access tokens (checked by {@link OidcProvider}, naming a Cofinance user). Every call but
 * the health check and the reading of the open data carries valid credentials or gets 401 problem+json (429 while the
 * user name is throttled after repeated wrong passwords; 403 while the user must first replace a password an
 * administrator set, but for that change); the call then runs as that user. Credentials sent to the health check are
 * checked the same way (it tells an administrator more).
 * <p>
 * The API is for programs, not for browsers: a 401 carries no {@code Basic} challenge, so a browser never prompts for
 * a password it would then remember and send with a forged cross-site form; and a call that changes something and
 * comes, by a browser's own say ({@code Sec-Fetch-Site}, {@code Origin: null}), from another site is refused (403)
 * before any credentials are read. Clients send their credentials unasked, as the contract says.
 */
@WebFilter(urlPatterns = "/api/*")
public class BasicAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "Basic ";
    private static final String BEARER = "Bearer ";

    @EJB
    private SignInService signIn;

    @Inject
    private OidcProvider provider;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        if (path.startsWith("/api/")
                && PublicPaths.isPublic(request.getMethod(), path.substring("/api".length()))
                && !(request.getHeader("Authorization") != null
                    && PublicPaths.answersMoreToTheSignedIn(path.substring("/api".length())))) {
            chain.doFilter(request, response);
            return;
        }
        // what an authenticated call answers is the caller's: no cache, shared or private, keeps it
        response.setHeader("Cache-Control", "no-store");
        if (crossSiteChange(request)) {
            problem(response, 403, "{\"type\":\"https://cofinance.org/problems/cross-site-request\","
                    + "\"title\":\"Cross-site request\",\"status\":403,\"detail\":\"the API takes no change "
                    + "sent by a browser from another site\"}");
            return;
        }
        SignInService.Result result = isBearer(request) ? bearer(request) : authenticate(request);
        if (!result.signedIn()) {
            refuse(response, result);
            return;
        }
        if (result.passwordChangeRequired() && !isOwnPasswordChange(request)) {
            problem(response, 403, "{\"type\":\"https://cofinance.org/problems/password-change-required\","
                    + "\"title\":\"Password change required\",\"status\":403,\"detail\":\"an administrator set "
                    + "this password: choose your own (PUT /users/me/password) before anything else\"}");
            return;
        }
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(result.caller())) {
            chain.doFilter(request, response);
        }
    }

    private static boolean isOwnPasswordChange(HttpServletRequest request) {
        return "PUT".equals(request.getMethod()) && "/api/users/me/password".equals(request.getServletPath()
                + Optional.ofNullable(request.getPathInfo()).orElse(""));
    }

    /** A call that may change something, which the browser that sends it says comes from another site. */
    static boolean crossSiteChange(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        boolean otherSite = site != null && !"same-origin".equalsIgnoreCase(site) && !"none".equalsIgnoreCase(site);
        return otherSite || "null".equals(request.getHeader("Origin"));
    }

    private static void refuse(HttpServletResponse response, SignInService.Result result) throws IOException {
        if (result.status() == SignInService.Status.THROTTLED) {
            response.setHeader("Retry-After", Long.toString(Math.max(1,
                    Duration.between(Instant.now(), result.retryAfter()).toSeconds())));
            problem(response, 429, "{\"type\":\"https://cofinance.org/problems/throttled\",\"title\":\"Too many "
                    + "failed sign-ins\",\"status\":429,\"detail\":\"too many wrong passwords for this user; retry "
                    + "later\"}");
        } else {
            // no WWW-Authenticate: Basic, on purpose (see the class's comment)
            problem(response, 401, "{\"type\":\"https://cofinance.org/problems/unauthenticated\",\"title\":"
                    + "\"Unauthenticated\",\"status\":401,\"detail\":\"valid credentials are required: send them "
                    + "unasked in an Authorization: Basic header, or an access token of the configured identity "
                    + "provider (Authorization: Bearer) that is valid, unexpired and names a Cofinance user\"}");
        }
    }

    private static void problem(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json);
    }

    private boolean isBearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return provider.isConfigured() && authorization != null
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /**
     * An access token of the configured provider: its signature, issuer, audience and times checked (any doubt
     * refuses it), then the Cofinance user it names signed in for this call.
     */
    private SignInService.Result bearer(HttpServletRequest request) {
        FederatedIdentity identity;
        try {
            identity = provider.verifyAccessToken(request.getHeader("Authorization").substring(BEARER.length())
                    .strip());
        } catch (SignInRefusedException e) {
            return SignInService.unreadable();
        }
        return signIn.signIn(identity, SignInAttempt.Channel.BEARER, ClientAddress.of(request));
    }

    private SignInService.Result authenticate(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        SignInService.Result none = SignInService.unreadable();
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return none;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(PREFIX.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return none;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return none;
        }
        String username = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        return signIn.signIn(username, password, SignInAttempt.Channel.BASIC, ClientAddress.of(request));
    }
}
