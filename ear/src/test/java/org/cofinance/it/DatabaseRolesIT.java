package org.cofinance.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Least privilege in the database: the migrations ran as the owner, and the role the application connects as reads
 * and writes rows only. Each refusal must come from PostgreSQL's privileges, not from the immutability triggers
 * (which would refuse the owner too).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseRolesIT {

    private static final Envelopes ENVELOPES = Envelopes.of("IT-DATABASEROLES");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.builtEar();
    }

    @Test
    void shouldRefuseTheApplicationsRoleAnyChangeOfTheSchemaOrOfWhatIsImmutable() throws SQLException {
        // given the application at work (a request and its ledger entries exist)
        Demo.submittedRequest(ENVELOPES, "Moindre privilège");

        try (Connection runtime = Sql.connectAsRuntime(); Statement sql = runtime.createStatement()) {
            // then the application's role reads and writes rows
            assertThat(count(sql, "select count(*) from ledger_entry")).isPositive();
            assertThat(sql.executeUpdate("update outgoing_mail set attempts = attempts where id < 0")).isZero();

            // but every attack on the schema or on what is immutable is refused by privileges
            for (String attack : List.of(
                    "alter table ledger_entry add column tampered boolean",
                    "alter table ledger_entry disable trigger all",
                    "drop trigger ledger_entry_no_update_delete on ledger_entry",
                    "update ledger_entry set amount = amount + 1",
                    "delete from ledger_entry",
                    "truncate ledger_entry",
                    "update decision set outcome = 'APPROVE'",
                    "delete from decision",
                    "update user_event set author = 'someone'",
                    "delete from user_event",
                    "delete from sign_in_attempt",
                    "create table stolen (id int)",
                    "drop table envelope",
                    "select count(*) from cofinance_schema_history")) {
                assertThatThrownBy(() -> sql.execute(attack)).as(attack).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getMessage()).containsAnyOf("permission denied", "must be owner"));
            }
        }
    }

    @Test
    void shouldGiveNoDatasourcePasswordADefaultInTheServersConfiguration() throws IOException {
        String script = Files.readString(Path.of("src/main/server/configure-server.cli"));
        Matcher passwords = Pattern.compile("password=\"\\$\\{([^}]*)\\}\"").matcher(script);
        int found = 0;
        while (passwords.find()) {
            found++;
            assertThat(passwords.group(1)).as("a password expression").doesNotContain(":");
        }
        assertThat(found).isGreaterThanOrEqualTo(2);
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
