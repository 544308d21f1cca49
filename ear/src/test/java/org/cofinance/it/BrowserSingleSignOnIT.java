package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The pages' single sign-on in headless Chromium against a real Keycloak standing in for ProConnect: the agent signs
 * in on the provider's own page and lands on his task list as the Cofinance user his verified address names, signs
 * out of both; an identity no Cofinance user answers to gets a page saying so, and no session.
 */
@ExtendWith(ArquillianExtension.class)
@ExtendWith(Browsers.class)
@RunAsClient
class BrowserSingleSignOnIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void provider() {
        KeycloakServer.ensureStarted();
    }

    private static void signInAtTheProvider(Browser browser, String username, String password) {
        browser.open("/login.xhtml");
        assertThat(browser.text(By.id("sso"))).isEqualTo("Se connecter avec Keycloak");
        browser.clickAndWait(By.id("sso"));
        assertThat(browser.url()).startsWith(KeycloakServer.issuer() + "/protocol/openid-connect/auth");
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.clickAndWait(By.id("kc-login"));
    }

    @Test
    void shouldSignInOnTheProvidersPageLandOnTheTaskListAndSignOutOfBoth(Browsers browsers) {
        // given the CDC's approver, known to the provider by his verified address cdc@cofinance.test
        Browser agent = browsers.open("agent");

        // when he signs in through the provider's page
        signInAtTheProvider(agent, "claude", "claude-sso-2026");

        // then he lands on his task list as the Cofinance user cdc, with the CDC's organisation
        assertThat(agent.url()).contains("/cofinance/app/tasks.xhtml");
        assertThat(agent.text(By.id("signed-in-user"))).startsWith("cdc · Caisse des Dépôts");

        // when he signs out, then he is signed out of the provider too and back on the login page
        agent.clickAndWait(By.id("session:sign-out"));
        agent.find(By.id("login:sign-in"));
        assertThat(agent.url()).contains("/cofinance/login.xhtml?signedOut=true");
        agent.open("/app/tasks.xhtml");
        assertThat(agent.url()).contains("/cofinance/login.xhtml");

        // and signing in again asks the provider for his password again
        agent.clickAndWait(By.id("sso"));
        assertThat(agent.find(By.id("password")).isDisplayed()).isTrue();
    }

    @Test
    void shouldTellAnIdentityNoCofinanceUserAnswersToWhyItIsRefused(Browsers browsers) {
        // given someone the provider knows, with a verified address no Cofinance user has
        Browser stranger = browsers.open("stranger");

        // when he signs in through the provider
        signInAtTheProvider(stranger, "stranger", "stranger-sso-2026");

        // then a page names the identity refused and says what to do, and no page of the application opens
        assertThat(stranger.url()).contains("/cofinance/sso-refused.xhtml");
        assertThat(stranger.text(By.id("sso-refused"))).isEqualTo("Identité inconnue de Cofinance");
        assertThat(stranger.text(By.id("sso-identity"))).isEqualTo("stranger@elsewhere.test");
        stranger.open("/app/tasks.xhtml");
        assertThat(stranger.url()).contains("/cofinance/login.xhtml");
    }
}
