package org.cofinance.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A user's account: its name, who he acts for, and when his sessions end. */
class AppUserTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-03T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-03T09:00:00Z");

    private static AppUser officer() {
        return new AppUser("odile", "hash-1", "Odile", "odile@cofinance.test", null, EnumSet.of(Role.OFFICER));
    }

    @Test
    void shouldTakeNamesOfTwoToSixtyFourLowerCaseLettersDigitsDotsUnderscoresAndDashes() {
        // then the bounds and the characters allowed make a user, anything else does not
        assertThat(new AppUser("ab", "h", null, null, null, Set.of()).username()).isEqualTo("ab");
        assertThat(new AppUser("a".repeat(64), "h", null, null, null, Set.of()).username()).hasSize(64);
        assertThat(new AppUser("j.doe_2-x", "h", null, null, null, Set.of()).roles()).isEmpty();
        for (String wrong : new String[] {"a", "a".repeat(65), "Odile", "o dile", "odile@cdc", "", null}) {
            assertThatThrownBy(() -> new AppUser(wrong, "h", null, null, null, Set.of()))
                    .as(String.valueOf(wrong)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new AppUser("odile", null, null, null, null, Set.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldHaveApproversAndSupervisorsActForAnOrganisationWhenCreatedAndWhenReassigned() {
        // then neither may be created nor become one without an organisation
        assertThatThrownBy(() -> new AppUser("cdc", "h", null, null, null, EnumSet.of(Role.APPROVER)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppUser("sup", "h", null, null, null, EnumSet.of(Role.SUPERVISOR)))
                .isInstanceOf(IllegalArgumentException.class);
        AppUser user = officer();
        assertThatThrownBy(() -> user.reassign(EnumSet.of(Role.OFFICER, Role.APPROVER), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> user.reassign(EnumSet.of(Role.SUPERVISOR), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(user.roles()).containsExactly(Role.OFFICER);
        assertThat(user.organisationId()).isNull();

        // and with one, the new roles and organisation replace the old, the roles read only
        user.reassign(EnumSet.of(Role.APPROVER, Role.SUPERVISOR), 7L);
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.APPROVER, Role.SUPERVISOR);
        assertThat(user.organisationId()).isEqualTo(7L);
        user.reassign(Set.of(), null);
        assertThat(user.roles()).isEmpty();
        assertThatThrownBy(() -> user.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldEndTheSessionsOfADisabledAccountAndNotReopenThemWhenEnabledAgain() {
        // given an officer signed in
        AppUser user = officer();
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.sessionStillValid(SIGNED_IN)).isTrue();
        assertThat(user.sessionStillValid(null)).isTrue();

        // when an administrator disables him later, then his session is over, and so is any while disabled
        user.enable(false, LATER);
        assertThat(user.isEnabled()).isFalse();
        assertThat(user.sessionStillValid(SIGNED_IN)).isFalse();
        assertThat(user.sessionStillValid(LATER.plusSeconds(1))).isFalse();

        // when he is enabled again (twice), then the old session stays over, a new one goes on
        user.enable(true, LATER.plusSeconds(60));
        user.enable(true, LATER.plusSeconds(120));
        assertThat(user.sessionStillValid(SIGNED_IN)).isFalse();
        assertThat(user.sessionStillValid(LATER)).isFalse();
        assertThat(user.sessionStillValid(null)).isFalse();
        assertThat(user.sessionStillValid(LATER.plusSeconds(1))).isTrue();

        // and disabling an account already disabled does not move the instant its sessions ended
        user.enable(false, LATER.plusSeconds(300));
        user.enable(false, LATER.plusSeconds(600));
        user.enable(true, LATER.plusSeconds(900));
        assertThat(user.sessionStillValid(LATER.plusSeconds(301))).isTrue();
    }

    @Test
    void shouldHaveTheUserChooseHisOwnPasswordAfterAnAdministratorSetOne() {
        // given an officer whose password an administrator resets
        AppUser user = officer();
        assertThat(user.passwordChangeRequired()).isFalse();
        user.resetPassword("hash-2", LATER);

        // then his sessions end and he must choose his own; a stronger hash of it changes nothing else
        assertThat(user.passwordHash()).isEqualTo("hash-2");
        assertThat(user.passwordChangeRequired()).isTrue();
        assertThat(user.sessionStillValid(SIGNED_IN)).isFalse();
        user.rehash("hash-2-stronger");
        assertThat(user.passwordHash()).isEqualTo("hash-2-stronger");
        assertThat(user.passwordChangeRequired()).isTrue();

        // when he chooses his own, then nothing more is asked of him
        user.choosePassword("hash-3");
        assertThat(user.passwordHash()).isEqualTo("hash-3");
        assertThat(user.passwordChangeRequired()).isFalse();

        // and an account created with a password an administrator chose asks for his own too
        AppUser created = officer();
        created.requirePasswordChange();
        assertThat(created.passwordChangeRequired()).isTrue();
        assertThat(created.sessionStillValid(SIGNED_IN)).isTrue();
        assertThatThrownBy(() -> created.choosePassword(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> created.rehash(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> created.resetPassword(null, LATER)).isInstanceOf(NullPointerException.class);
        assertThat(created.displayName()).isEqualTo("Odile");
        assertThat(created.email()).isEqualTo("odile@cofinance.test");
    }
}
