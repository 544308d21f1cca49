package org.cofinance.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.cofinance.application.support.InMemoryUsers;
import org.cofinance.application.support.TaggedPasswordHasher;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private static final PasswordHasher HASHER = new TaggedPasswordHasher();

    private final InMemoryUsers users = new InMemoryUsers();
    private final UserDirectory directory = new UserDirectory(users, HASHER);

    @Test
    void shouldRedoAWeakerHashAtTheNextSuccessfulSignInOnly() {
        // given a user whose password was hashed with the former work factor
        users.add(new AppUser("fanny", "weak:her password", "Fanny", null, 1L, EnumSet.of(Role.FINANCE)));

        // when a wrong password is tried, then the hash stays as it was
        assertThat(directory.authenticate("fanny", "wrong".toCharArray())).isEmpty();
        assertThat(users.find("fanny").orElseThrow().passwordHash()).isEqualTo("weak:her password");

        // when she signs in, then her hash is redone with today's work factor, and still lets her in
        assertThat(directory.authenticate("fanny", "her password".toCharArray())).isPresent();
        assertThat(users.find("fanny").orElseThrow().passwordHash()).isEqualTo("strong:her password");
        assertThat(directory.authenticate("fanny", "her password".toCharArray())).isPresent();
    }

    private void user(String name, String email, Long organisation, Role... roles) {
        users.add(new AppUser(name, "strong:secret " + name, name, email, organisation, EnumSet.of(roles[0], roles)));
    }

    @Test
    void shouldFindTheAddressesOfEachGroupsMembersOnceSortedAndNeverADisabledOnes() {
        // given officers, approvers and finance of two organisations, a supervisor, one disabled, one without mail
        user("officer", "officer@cdc.fr", null, Role.OFFICER);
        user("officer2", "officer2@cdc.fr", null, Role.OFFICER);
        user("quiet", null, null, Role.OFFICER);
        user("cdc", "cdc@cdc.fr", 1L, Role.APPROVER);
        user("investor", "investor@fund.fr", 2L, Role.APPROVER);
        user("finance", "finance@cdc.fr", 1L, Role.FINANCE);
        user("finance-investor", "finance@fund.fr", 2L, Role.FINANCE);
        user("chief", "chief@cdc.fr", 1L, Role.SUPERVISOR);
        user("gone", "gone@cdc.fr", 1L, Role.APPROVER);
        users.find("gone").orElseThrow().enable(false, java.time.Instant.now());

        // then each group names its own members' addresses
        assertThat(directory.emailsOfGroups(Set.of("officers"))).containsExactly("officer2@cdc.fr", "officer@cdc.fr");
        assertThat(directory.emailsOfGroups(Set.of("approvers-1"))).containsExactly("cdc@cdc.fr");
        assertThat(directory.emailsOfGroups(Set.of("finance-2"))).containsExactly("finance@fund.fr");
        assertThat(directory.emailsOfGroups(Set.of("finance"))).containsExactly("finance@cdc.fr", "finance@fund.fr");
        assertThat(directory.emailsOfGroups(Set.of("escalation-1"))).containsExactly("chief@cdc.fr");
        assertThat(directory.emailsOfGroups(new java.util.LinkedHashSet<>(List.of("approvers-2", "approvers-1",
                "approvers-2")))).containsExactly("cdc@cdc.fr", "investor@fund.fr");
        assertThat(directory.emailsOfGroups(Set.of("escalation-x", "strangers", "approvers-9"))).isEmpty();
        assertThat(directory.emailOf("cdc")).contains("cdc@cdc.fr");
        assertThat(directory.emailOf("gone")).isEmpty();
        assertThat(directory.emailOf("nobody")).isEmpty();
    }

    @Test
    void shouldSayWhetherAUsersPasswordMustChangeAndHisSessionStillHolds() {
        user("fanny", null, 1L, Role.FINANCE);
        AppUser fanny = users.find("fanny").orElseThrow();
        java.time.Instant reset = java.time.Instant.parse("2026-11-26T09:00:00Z");

        assertThat(directory.passwordChangeRequired("fanny")).isFalse();
        assertThat(directory.sessionStillValid("fanny", reset)).isTrue();
        fanny.resetPassword("strong:new one", reset);

        assertThat(directory.passwordChangeRequired("fanny")).isTrue();
        assertThat(directory.passwordChangeRequired("nobody")).isFalse();
        assertThat(directory.sessionStillValid("fanny", reset.minusSeconds(60))).isFalse();
        assertThat(directory.sessionStillValid("fanny", reset.plusSeconds(60))).isTrue();
        assertThat(directory.sessionStillValid("nobody", reset.plusSeconds(60))).isFalse();
    }

    @Test
    void shouldRememberAVerifiedPasswordOnlyForAnEnabledUserAndItsCurrentHash() {
        user("remembered", null, 1L, Role.FINANCE);
        assertThat(directory.rememberedAsVerified("remembered", "secret remembered".toCharArray())).isFalse();

        assertThat(directory.authenticate("remembered", "secret remembered".toCharArray())).isPresent();

        assertThat(directory.rememberedAsVerified("remembered", "secret remembered".toCharArray())).isTrue();
        assertThat(directory.rememberedAsVerified("remembered", "another".toCharArray())).isFalse();
        users.find("remembered").orElseThrow().enable(false, java.time.Instant.now());
        assertThat(directory.rememberedAsVerified("remembered", "secret remembered".toCharArray())).isFalse();
        assertThat(directory.authenticate("remembered", "secret remembered".toCharArray())).isEmpty();
        assertThat(directory.authenticate("nobody", "secret".toCharArray())).isEmpty();
    }
}
