package org.cofinance.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void shouldVerifyTheRightPasswordOnly() {
        String hash = PasswordHashing.hash("s3cret".toCharArray());

        assertThat(hash).startsWith("pbkdf2-sha256$" + PasswordHashing.ITERATIONS + "$");
        assertThat(PasswordHashing.verify("s3cret".toCharArray(), hash)).isTrue();
        assertThat(PasswordHashing.verify("s3cret ".toCharArray(), hash)).isFalse();
    }

    @Test
    void shouldSaltEachHash() {
        assertThat(PasswordHashing.hash("same".toCharArray())).isNotEqualTo(PasswordHashing.hash("same".toCharArray()));
    }

    @Test
    void shouldNeverMatchAMalformedHash() {
        assertThat(PasswordHashing.verify("x".toCharArray(), null)).isFalse();
        assertThat(PasswordHashing.verify("x".toCharArray(), "plain-text")).isFalse();
        assertThat(PasswordHashing.verify("x".toCharArray(), "pbkdf2-sha256$abc$!!$!!")).isFalse();
    }

    @Test
    void shouldVerifyHashesMadeWithAnotherWorkFactor() {
        String older = PasswordHashing.hash("pw".toCharArray(), new byte[16], 1000);

        assertThat(PasswordHashing.verify("pw".toCharArray(), older)).isTrue();
    }

    @Test
    void shouldHashWithOwaspsWorkFactorAndAskToRedoWeakerHashes() {
        Pbkdf2PasswordHasher hasher = new Pbkdf2PasswordHasher();
        String older = PasswordHashing.hash("pw".toCharArray(), new byte[16], 210_000);

        assertThat(PasswordHashing.ITERATIONS).isGreaterThanOrEqualTo(600_000);
        assertThat(hasher.needsRehash(older)).isTrue();
        assertThat(hasher.needsRehash("not a hash")).isTrue();
        assertThat(hasher.needsRehash(hasher.hash("pw".toCharArray()))).isFalse();
    }
}
