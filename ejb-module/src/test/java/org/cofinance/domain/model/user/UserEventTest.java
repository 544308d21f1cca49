package org.cofinance.domain.model.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An administrator's act on a user's access, as the audit keeps it. */
class UserEventTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void shouldKeepWhoDidWhatToWhomAndWhenWithItsDetail() {
        // when an administrator changes a user's roles
        UserEvent event = new UserEvent(UserEvent.Kind.ROLES_CHANGED, "odile", "admin", AT, "OFFICER,FINANCE");

        // then each fact is kept, and none but the detail may be missing
        assertThat(event.event()).isEqualTo(UserEvent.Kind.ROLES_CHANGED);
        assertThat(event.username()).isEqualTo("odile");
        assertThat(event.author()).isEqualTo("admin");
        assertThat(event.at()).isEqualTo(AT);
        assertThat(event.detail()).isEqualTo("OFFICER,FINANCE");
        assertThat(new UserEvent(UserEvent.Kind.USER_DISABLED, "odile", "admin", AT, null).detail()).isNull();
        assertThatThrownBy(() -> new UserEvent(null, "odile", "admin", AT, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UserEvent(UserEvent.Kind.USER_ENABLED, null, "admin", AT, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UserEvent(UserEvent.Kind.USER_ENABLED, "odile", null, AT, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new UserEvent(UserEvent.Kind.USER_ENABLED, "odile", "admin", null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
