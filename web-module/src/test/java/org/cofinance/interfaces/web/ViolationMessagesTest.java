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
                amount -> amount.replace('.', ',') + " €",
                (kind, code) -> bundle.containsKey(kind + "." + code) ? bundle.getString(kind + "." + code) : code);
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
        assertThat(ViolationMessages.inLanguage("is required", Locale.ENGLISH, (k, a) -> k, a -> a, (k, c) -> c))
                .isEqualTo("is required");
    }

    @Test
    void shouldShowTheRefusalsOfTheBusinessRulesInFrenchWithTheirStatusesNamed() {
        assertThat(french("request TI-2026-0007 awaits no decision (it is APPROVED)"))
                .isEqualTo("la demande TI-2026-0007 n'attend aucune décision (elle est « Approuvée »)");
        assertThat(french("task 1234 is already claimed by cdc")).isEqualTo("la tâche 1234 est déjà prise par cdc");
        assertThat(french("tranche MID_TERM is SCHEDULED, not awaiting validation"))
                .isEqualTo("la tranche « À mi-parcours » est « Prévue » et n'attend pas de validation");
        assertThat(french("envelope REGION-BFC cannot hold 30000.00 EUR: 1250.50 EUR available"))
                .isEqualTo("l'enveloppe REGION-BFC ne peut pas couvrir 30000,00 € : 1250,50 € disponibles");
        assertThat(french("whoever recorded the evidence of a tranche never validates it"))
                .isEqualTo("qui a déposé le justificatif d'une tranche ne la valide jamais");
    }
}
