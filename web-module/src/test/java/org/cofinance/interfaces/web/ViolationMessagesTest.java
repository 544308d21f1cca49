package org.cofinance.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ViolationMessagesTest {

    private static String french(String message) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.cofinance.interfaces.web.messages", Locale.FRENCH);
        return ViolationMessages.inLanguage(message, Locale.FRENCH,
                (key, arguments) -> new MessageFormat(bundle.getString(key), Locale.FRENCH).format(arguments),
                amount -> amount.replace('.', ',') + " €");
    }

    @Test
    void shouldShowTheServicesMessagesInFrenchWithTheirAmountsWrittenTheFrenchWay() {
        assertThat(french("is required")).isEqualTo("obligatoire");
        assertThat(french("the plan does not balance: its lines add up to 11000000.00 EUR, the eligible cost is "
                + "12000000.00 EUR")).isEqualTo("le plan n'est pas équilibré : ses lignes totalisent 11000000,00 €, "
                + "le coût éligible est de 12000000,00 €");
        assertThat(french("envelope FONDS-IMMO is not owned by organisation 4"))
                .isEqualTo("l'enveloppe FONDS-IMMO n'appartient pas à ce financeur");
    }

    @Test
    void shouldLeaveUnknownMessagesAndEnglishAsTheyAre() {
        assertThat(french("something new")).isEqualTo("something new");
        assertThat(ViolationMessages.inLanguage("is required", Locale.ENGLISH, (k, a) -> k, a -> a))
                .isEqualTo("is required");
    }
}
