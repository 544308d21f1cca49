package org.cofinance.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The ports of the server under test: WildFly's own, shifted by {@code -Dcofinance.test.port.offset=N} (0 by
 * default), so that the tests can run beside an application already serving on 8080. arquillian.xml reads the
 * management port and the offset from the system properties set here, before any test starts the server.
 */
public class TestPorts implements LauncherSessionListener {

    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9990;
    private static final int KEYCLOAK = 8580;

    static int offset() {
        return Integer.getInteger("cofinance.test.port.offset", 0);
    }

    static int http() {
        return HTTP + offset();
    }

    /** The application's root as the tests reach it: {@code http://localhost:8080/cofinance} without an offset. */
    static String applicationUrl() {
        return "http://localhost:" + http() + "/cofinance";
    }

    /**
     * The identity provider of the single sign-on tests (Keycloak, started by {@link KeycloakServer}), clear of the
     * production-profile server ProductionProfileIT starts on 8380/8743.
     */
    static int keycloak() {
        return KEYCLOAK + offset();
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        System.setProperty("cofinance.test.port.offset", String.valueOf(offset()));
        System.setProperty("cofinance.test.management.port", String.valueOf(MANAGEMENT + offset()));
        System.setProperty("cofinance.test.keycloak.port", String.valueOf(keycloak()));
    }
}
