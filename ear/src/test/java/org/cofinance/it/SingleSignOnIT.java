package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API with a real identity provider's access tokens (Keycloak from Maven Central, the test realm): a program's
 * client-credentials token names the finance user by the configured claim; a token that expired, that another issuer
 * signed, that names another audience, or that was forged is refused with 401 problem+json, and Basic still works.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSignOnIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @BeforeAll
    static void provider() {
        KeycloakServer.ensureStarted();
    }

    private static HttpResponse<String> call(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(TestPorts.applicationUrl() + "/api" + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRunAProgramsCallAsTheUserItsClientCredentialsTokenNames() throws Exception {
        // given a token of the client-credentials flow whose claim names the finance user
        String token = KeycloakServer.clientCredentialsToken("cofinance-api", "cofinance-api-secret");

        // when the program reads the ledger's reconciliation, which only finance and administrators may read
        HttpResponse<String> reconciliation = call("/ledger/reconciliation", token);
        HttpResponse<String> users = call("/users", token);

        // then it runs as finance: the reconciliation answers, the administrators' list of users does not
        assertThat(reconciliation.statusCode()).isEqualTo(200);
        assertThat(Api.json(reconciliation.body()).get("consistent").asBoolean()).isTrue();
        assertThat(users.statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseATokenOnceItExpired() throws Exception {
        // given a token of a client whose tokens live one second (the server tolerates two seconds of skew)
        String token = KeycloakServer.clientCredentialsToken("cofinance-short", "cofinance-short-secret");
        Instant expiry = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();

        // when it is sent after its expiry and the skew
        Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> Instant.now().isAfter(expiry.plusSeconds(3)));
        HttpResponse<String> late = call("/ledger/reconciliation", token);

        // then it is refused
        assertUnauthenticated(late);
    }

    @Test
    void shouldRefuseATokenForAnotherAudienceAnotherIssuersAndAForgedOne() throws Exception {
        // given a token the provider signed for another application, one another issuer signed, and one with the
        // provider's issuer but signed by someone else's key
        String otherAudience = KeycloakServer.clientCredentialsToken("other-application", "other-secret");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        String otherIssuer = sign(stranger, "https://login.elsewhere.test/realms/cofinance");
        String forged = sign(stranger, KeycloakServer.issuer());

        // then each is refused, while the same call with the finance user's password answers
        for (String token : List.of(otherAudience, otherIssuer, forged, "not-a-token")) {
            assertUnauthenticated(call("/ledger/reconciliation", token));
        }
        assertThat(Api.as("finance").get("/ledger/reconciliation").status()).isEqualTo(200);
    }

    private static String sign(RSAKey key, String issuer) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("someone").audience("cofinance")
                .claim("cofinance_username", "finance").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        JsonNode problem = Api.json(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://cofinance.org/problems/unauthenticated");
    }
}
