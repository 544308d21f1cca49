package org.cofinance.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 234 567,89|1234567.89",
            "1\u202f234\u202f567,89 €|1234567.89",
            "1.234.567,89|1234567.89",
            "1,234,567.89|1234567.89",
            "4000000|4000000",
            "douze millions|douzemillions"})
    void shouldReadAmountsAsFrenchAndEnglishUsersTypeThem(String typed, String read) {
        assertThat(Ui.amountOf(typed)).isEqualTo(read);
    }

    @Test
    void shouldReadNothingFromABlankAmount() {
        assertThat(Ui.amountOf("  ")).isNull();
        assertThat(Ui.amountOf(null)).isNull();
    }
}
