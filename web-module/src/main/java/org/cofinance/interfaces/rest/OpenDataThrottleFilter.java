package org.cofinance.interfaces.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.cofinance.interfaces.http.AddressThrottle;
import org.cofinance.interfaces.http.ClientAddress;

/**
 * The open data are read without signing in: each client address may read them
 * {@code cofinance.opendata.max-per-minute} times a minute (60 by default), then gets 429 with {@code Retry-After}.
 */
@WebFilter(urlPatterns = "/api/opendata/*")
public class OpenDataThrottleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private final transient AddressThrottle throttle = new AddressThrottle(
            Integer.getInteger("cofinance.opendata.max-per-minute", 60), Clock.systemUTC());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Duration wait = throttle.admit(ClientAddress.of(request));
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"https://cofinance.org/problems/throttled\",\"title\":"
                + "\"Too many requests\",\"status\":429,\"detail\":\"the open data are read at most a number of times "
                + "a minute from one address: try again in " + seconds + " s\"}").getBytes(StandardCharsets.UTF_8));
    }
}
