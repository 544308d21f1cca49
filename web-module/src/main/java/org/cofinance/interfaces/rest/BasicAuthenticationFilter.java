package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
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
import org.cofinance.application.access.SignInService;
import org.cofinance.application.access.SignedInUser;
import org.cofinance.domain.model.user.SignInAttempt;

/**
 * HTTP Basic authentication of the API over the application's own identity store. Every call but the health check
 * carries valid credentials or gets 401 problem+json (429 while the user name is throttled after repeated wrong
 * passwords); the call then runs as that user.
 */
@WebFilter(urlPatterns = "/api/*")
public class BasicAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "Basic ";

    @EJB
    private SignInService signIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("/api/health".equals(request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse(""))) {
            chain.doFilter(request, response);
            return;
        }
        SignInService.Result result = authenticate(request);
        if (!result.signedIn()) {
            refuse(response, result);
            return;
        }
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(result.caller())) {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, SignInService.Result result) throws IOException {
        boolean throttled = result.status() == SignInService.Status.THROTTLED;
        response.setStatus(throttled ? 429 : 401);
        if (throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1,
                    Duration.between(Instant.now(), result.retryAfter()).toSeconds())));
        } else {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Cofinance\", charset=\"UTF-8\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(throttled
                ? "{\"type\":\"https://cofinance.org/problems/throttled\",\"title\":\"Too many failed sign-ins\","
                        + "\"status\":429,\"detail\":\"too many wrong passwords for this user; retry later\"}"
                : "{\"type\":\"https://cofinance.org/problems/unauthenticated\",\"title\":\"Unauthenticated\","
                        + "\"status\":401,\"detail\":\"valid credentials are required (HTTP Basic)\"}");
    }

    private SignInService.Result authenticate(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        SignInService.Result none = new SignInService.Result(SignInService.Status.REFUSED, null, null, null);
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
        return signIn.signIn(username, password, SignInAttempt.Channel.BASIC, request.getRemoteAddr());
    }
}
