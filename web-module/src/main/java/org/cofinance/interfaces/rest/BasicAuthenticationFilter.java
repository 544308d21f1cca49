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
import java.util.Base64;
import java.util.Optional;
import org.cofinance.application.SignedInUser;
import org.cofinance.application.UserDirectory;

/**
 * HTTP Basic authentication of the API over the application's own identity store. Every call but the health check
 * carries valid credentials or gets 401 problem+json; the call then runs as that user.
 */
@WebFilter(urlPatterns = "/api/*")
public class BasicAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "Basic ";

    @EJB
    private UserDirectory users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("/api/health".equals(request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse(""))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> username = authenticate(request.getHeader("Authorization"));
        if (username.isEmpty()) {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Cofinance\", charset=\"UTF-8\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"https://cofinance.org/problems/unauthenticated\","
                    + "\"title\":\"Unauthenticated\",\"status\":401,"
                    + "\"detail\":\"valid credentials are required (HTTP Basic)\"}");
            return;
        }
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(username.get())) {
            chain.doFilter(request, response);
        }
    }

    private Optional<String> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(PREFIX.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String username = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        return users.authenticate(username, password).map(roles -> username);
    }
}
