package org.cofinance.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under /cofinance/api, authenticated by {@link BasicAuthenticationFilter}. */
@ApplicationPath("/api")
public class CofinanceApi extends Application {
}
