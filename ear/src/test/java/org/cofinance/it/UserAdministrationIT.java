package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** User administration over the API: each act audited for administrators, a password an admin set replaced first. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserAdministrationIT {

    private static final String INITIAL = "chosen by the admin";
    private static final String OWN = "my very own secret";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldMakeANewUserChooseHisOwnPasswordBeforeAnythingElse() {
        // given a finance user the administrator creates over the API
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = Api.as("admin").post("/users", newUser(username, "[\"FINANCE\"]"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(l ->
                assertThat(l).endsWith("/users/" + username));
        assertThat(Api.as("admin").get("/users?size=500").json().get("items")).anySatisfy(u -> {
            assertThat(u.get("username").asText()).isEqualTo(username);
            assertThat(u.get("roles")).extracting(JsonNode::asText).containsExactly("FINANCE");
            assertThat(u.get("enabled").asBoolean()).isTrue();
        });

        // when he calls the API with the password the administrator chose, then he is asked to choose his own
        Api user = Api.withPassword(username, INITIAL);
        Api.Reply before = user.get("/envelopes");
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.json().get("type").asText()).endsWith("/password-change-required");

        // when he gives a wrong current password, then nothing changes; with the right one, he chooses his own
        Api.Reply wrong = user.put("/users/me/password", "{\"current\":\"not it at all\",\"password\":\"" + OWN
                + "\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("current");
        assertThat(user.put("/users/me/password", "{\"current\":\"" + INITIAL + "\",\"password\":\"" + OWN + "\"}")
                .status()).isEqualTo(200);

        // then his own password works and the administrator's no longer does
        assertThat(Api.withPassword(username, OWN).get("/envelopes").status()).isEqualTo(200);
        assertThat(Api.withPassword(username, INITIAL).get("/envelopes").status()).isEqualTo(401);
    }

    @Test
    void shouldChangeRolesEnableResetAndAuditEachActForAdministratorsOnly() {
        // given a user who chose his own password
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Api.as("admin").post("/users", newUser(username, "[\"FINANCE\"]")).status()).isEqualTo(201);
        Api.withPassword(username, INITIAL).put("/users/me/password", "{\"current\":\"" + INITIAL
                + "\",\"password\":\"" + OWN + "\"}");
        Api user = Api.withPassword(username, OWN);

        // when the administrator would make him an administrator who also pays, then it is refused
        Api.Reply mixed = Api.as("admin").put("/users/" + username + "/roles", "{\"roles\":[\"ADMIN\",\"FINANCE\"]}");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("errors").get(0).get("field").asText()).isEqualTo("roles");
        assertThat(Api.as("admin").put("/users/" + username + "/roles", "{\"roles\":[\"FINANCE\",\"NOBODY\"]}")
                .status()).isEqualTo(400);

        // when he becomes an officer, is disabled, enabled again, then his password is reset
        assertThat(Api.as("admin").put("/users/" + username + "/roles", "{\"roles\":[\"OFFICER\"]}").json()
                .get("roles")).extracting(JsonNode::asText).containsExactly("OFFICER");
        assertThat(Api.as("admin").put("/users/" + username + "/enabled", "{\"enabled\":false}").status())
                .isEqualTo(200);
        int whileDisabled = user.get("/requests").status();
        assertThat(Api.as("admin").put("/users/" + username + "/enabled", "{\"enabled\":true}").status())
                .isEqualTo(200);
        int enabledAgain = user.get("/requests").status();
        assertThat(Api.as("admin").put("/users/" + username + "/password", "{\"password\":\"reset by the admin\"}")
                .status()).isEqualTo(200);

        // then each act took effect
        assertThat(whileDisabled).isEqualTo(401);
        assertThat(enabledAgain).isEqualTo(200);
        assertThat(user.get("/requests").status()).isEqualTo(401);
        assertThat(Api.withPassword(username, "reset by the admin").get("/requests").json().get("type").asText())
                .endsWith("/password-change-required");

        // and the audit shows each, with its author, to administrators only
        String audit = Api.as("admin").get("/reports/audit?format=csv").body();
        assertThat(audit.lines().filter(l -> l.contains("," + username + ",")).map(l -> l.split(",")[1] + " by "
                + l.split(",")[6])).containsExactly("USER_CREATED by admin", "ROLES_CHANGED by admin",
                "USER_DISABLED by admin", "USER_ENABLED by admin", "PASSWORD_RESET by admin");
        assertThat(Api.as("finance").get("/reports/audit?format=csv").body()).doesNotContain(username)
                .doesNotContain("USER_CREATED");
    }

    @Test
    void shouldLetOnlyAnAdministratorAdministerUsers() {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(Api.as("finance").get("/users").status()).isEqualTo(403);
        assertThat(Api.as("officer").post("/users", newUser(username, "[\"OFFICER\"]")).status()).isEqualTo(403);
        assertThat(Api.as("cdc").put("/users/finance/enabled", "{\"enabled\":false}").status()).isEqualTo(403);
        assertThat(Api.as("cdc").put("/users/finance/password", "{\"password\":\"taken over by cdc\"}").status())
                .isEqualTo(403);
        assertThat(Api.as("finance").get("/envelopes").status()).as("finance untouched").isEqualTo(200);
        assertThat(Api.as("admin").get("/users?size=500").json().get("items")).noneSatisfy(u ->
                assertThat(u.get("username").asText()).isEqualTo(username));
        assertThat(Api.as("admin").post("/users", newUser("me", "[\"OFFICER\"]")).status()).isEqualTo(400);
        assertThat(Api.as("admin").put("/users/nobody-" + username + "/roles", "{\"roles\":[]}").status())
                .isEqualTo(404);
    }

    @Test
    void shouldKeepTheUsersAuditRowsImmutableInTheDatabase() throws SQLException {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(Api.as("admin").post("/users", newUser(username, "[\"OFFICER\"]")).status()).isEqualTo(201);

        try (Connection db = Sql.connect(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("update user_event set author = 'someone' where username = '"
                    + username + "'")).isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> sql.executeUpdate("delete from user_event where username = '" + username + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        }
    }

    private static String newUser(String username, String roles) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + INITIAL + "\",\"roles\":" + roles
                + ",\"organisationId\":" + Demo.organisationId("Caisse des Dépôts") + "}";
    }
}
