package org.cofinance.domain.model.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static OutgoingMail queued() {
        return new OutgoingMail("cdc@cofinance.test", "[Cofinance] Décision – CF-2026-000001", "Une tâche vous attend.",
                T0);
    }

    @Test
    void shouldBeDueAsSoonAsQueued() {
        OutgoingMail mail = queued();

        assertThat(mail.status()).isEqualTo(OutgoingMail.Status.QUEUED);
        assertThat(mail.isDue(T0)).isTrue();
        assertThat(mail.isDue(T0.minusSeconds(1))).isFalse();
    }

    @Test
    void shouldNoLongerBeDueOnceSent() {
        // given
        OutgoingMail mail = queued();

        // when
        mail.sent(T0.plusSeconds(1));

        // then
        assertThat(mail.status()).isEqualTo(OutgoingMail.Status.SENT);
        assertThat(mail.sentAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(mail.attempts()).isEqualTo(1);
        assertThat(mail.isDue(T0.plus(Duration.ofDays(2)))).isFalse();
        assertThatThrownBy(() -> mail.sent(T0.plusSeconds(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldWaitTwiceAsLongAfterEachRefusalUpToAnHour() {
        // given
        OutgoingMail mail = queued();

        // when the server refuses it a first and a second time
        mail.refused(T0, "Connection refused");
        Instant firstRetry = mail.nextAttemptAt();
        mail.refused(firstRetry, "Connection refused");

        // then it is tried again 30 s, then 60 s later, with the reason kept
        assertThat(firstRetry).isEqualTo(T0.plusSeconds(30));
        assertThat(mail.nextAttemptAt()).isEqualTo(firstRetry.plusSeconds(60));
        assertThat(mail.isDue(firstRetry.plusSeconds(59))).isFalse();
        assertThat(mail.isDue(firstRetry.plusSeconds(60))).isTrue();
        assertThat(mail.attempts()).isEqualTo(2);
        assertThat(mail.lastError()).isEqualTo("Connection refused");
        assertThat(OutgoingMail.waitAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(OutgoingMail.waitAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(OutgoingMail.waitAfter(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldBeAbandonedOnceItHasWaitedADay() {
        // given a mail refused for almost a day
        OutgoingMail mail = queued();
        Instant now = T0;
        while (mail.status() == OutgoingMail.Status.QUEUED && now.isBefore(T0.plus(Duration.ofHours(23)))) {
            mail.refused(now, "Connection refused");
            now = mail.nextAttemptAt();
        }
        assertThat(mail.status()).isEqualTo(OutgoingMail.Status.QUEUED);

        // when it is refused past the day
        mail.refused(T0.plus(Duration.ofHours(23).plusMinutes(30)), "Connection refused");

        // then no more tries
        assertThat(mail.status()).isEqualTo(OutgoingMail.Status.ABANDONED);
        assertThat(mail.nextAttemptAt()).isNull();
        assertThat(mail.isDue(T0.plus(Duration.ofDays(3)))).isFalse();
    }

    @Test
    void shouldRefuseAMailWithoutAnAddress() {
        assertThatThrownBy(() -> new OutgoingMail(" ", "s", "b", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@b.c", "x".repeat(501), "b", T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTakeAnAddressAndASubjectUpToTheirLimitsAndKeepWhatItCarries() {
        // given the longest address and subject a mail may have
        Instant queued = Instant.parse("2026-12-03T08:00:00Z");
        String address = "a".repeat(241) + "@cofinance.fr";
        OutgoingMail longest = new OutgoingMail(address, "s".repeat(500), "corps", queued);

        // then it is kept as given, and one character more of either is refused
        assertThat(longest.recipient()).hasSize(254);
        assertThat(longest.subject()).hasSize(500);
        assertThat(longest.body()).isEqualTo("corps");
        assertThat(longest.queuedAt()).isEqualTo(queued);
        assertThat(longest.id()).isNull();
        assertThatThrownBy(() -> new OutgoingMail("a" + address, "x", "corps", queued))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail(address, "s".repeat(501), "corps", queued))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail(address, null, "corps", queued))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheFirstThousandCharactersOfTheServersAnswerAndWaitAnHourAtMost() {
        // when the server refuses a mail with a very long answer
        Instant queued = Instant.parse("2026-12-03T08:00:00Z");
        OutgoingMail mail = new OutgoingMail("cdc@cofinance.test", "Tâche", "corps", queued);
        mail.refused(queued, "5".repeat(1500));

        // then a thousand characters of it are kept, the mail counted once and tried again after the first wait
        assertThat(mail.lastError()).hasSize(1000);
        assertThat(mail.attempts()).isEqualTo(1);
        assertThat(mail.nextAttemptAt()).isEqualTo(queued.plus(OutgoingMail.FIRST_RETRY));
        mail.refused(queued, null);
        assertThat(mail.lastError()).isNull();

        // and the waits double up to an hour, never beyond, however many the refusals
        assertThat(OutgoingMail.waitAfter(1)).isEqualTo(OutgoingMail.FIRST_RETRY);
        assertThat(OutgoingMail.waitAfter(2)).isEqualTo(OutgoingMail.FIRST_RETRY.multipliedBy(2));
        assertThat(OutgoingMail.waitAfter(7)).isEqualTo(OutgoingMail.FIRST_RETRY.multipliedBy(64));
        assertThat(OutgoingMail.waitAfter(8)).isEqualTo(OutgoingMail.LONGEST_WAIT);
        assertThat(OutgoingMail.waitAfter(40)).isEqualTo(OutgoingMail.LONGEST_WAIT);
    }
}
