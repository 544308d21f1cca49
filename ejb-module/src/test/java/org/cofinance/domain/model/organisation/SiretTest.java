package org.cofinance.domain.model.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @Test
    void shouldAcceptFourteenDigitsWithAValidLuhnKey() {
        Siret siret = Siret.of("18002002600019");

        assertThat(siret.value()).isEqualTo("18002002600019");
        assertThat(siret.siren()).isEqualTo("180020026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18002002600018", "1800200260001", "180020026000190", "1800200260001A", ""})
    void shouldRefuseAWrongKeyOrLength(String text) {
        assertThat(Siret.isValid(text)).isFalse();
        assertThatThrownBy(() -> Siret.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCheckLaPostesEstablishmentsByTheirOwnRule() {
        // La Poste's establishments: the digits add up to a multiple of 5, Luhn or not
        assertThat(Siret.isValid("35600000012342")).isFalse();
        assertThat(Siret.isValid("35600000012341")).isTrue();
    }

    @Test
    void shouldCheckASiren() {
        assertThat(Siret.isValidSiren("180020026")).isTrue();
        assertThat(Siret.isValidSiren("180020027")).isFalse();
    }
}
