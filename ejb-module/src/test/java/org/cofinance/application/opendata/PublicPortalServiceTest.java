package org.cofinance.application.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.cofinance.application.opendata.PublicPortalService.IndicatorTotal;
import org.cofinance.application.opendata.PublicPortalService.Portal;
import org.cofinance.application.opendata.PublicProject.PublicFunding;
import org.junit.jupiter.api.Test;

/**
 * The public pages: each signed project with its public funders by name and its private money as a total, the
 * totals and leverage of what is shown, and the impact summed by indicator, for the programme and territory chosen.
 */
class PublicPortalServiceTest {

    private static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static PublicProjects.Line line(String reference, String territory, String programme, String organisation,
                                            boolean publicMoney, String amount) {
        return new PublicProjects.Line(reference, "Projet " + reference, territory, programme, organisation,
                publicMoney, d(amount));
    }

    private final List<PublicProjects.Line> plans = List.of(
            line("R1", "Dijon", "AMI-TIGA", "CDC", true, "400.00"),
            line("R1", "Dijon", null, "CDC", true, "100.00"),
            line("R1", "Dijon", "AMI-TIGA", "Région", true, "100.00"),
            line("R1", "Dijon", "AMI-TIGA", "Fonds", false, "300.00"),
            line("R1", "Dijon", "AMI-TIGA", "Agrinova", false, "600.00"),
            line("R2", "Beaune", "RESIDENCE-300", "CDC", true, "200.00"),
            line("R2", "Beaune", "RESIDENCE-300", "Université", false, "100.00"),
            line("R3", "Dijon", "RESIDENCE-300", "Agrinova", false, "50.00"));

    private final List<PublicProjects.Impact> impact = List.of(
            new PublicProjects.Impact("AMI-TIGA", "Dijon", "JOBS", "ETP", d("10"), d("4")),
            new PublicProjects.Impact("RESIDENCE-300", "Beaune", "JOBS", "ETP", d("5"), null),
            new PublicProjects.Impact("RESIDENCE-300", "Beaune", "RESEARCHERS", "persons", d("300"), d("120")),
            new PublicProjects.Impact("AMI-TIGA", "Dijon", "JOBS", "jobs", d("1"), null));

    private final PublicPortalService portal = new PublicPortalService(new PublicProjects() {
        @Override
        public List<Line> signedPlans() {
            return plans;
        }

        @Override
        public List<Impact> signedImpact() {
            return impact;
        }
    });

    @Test
    void shouldShowEachProjectsPublicFundersByNameAndItsPrivateMoneyAsATotal() {
        Portal all = portal.portal(null, " ");

        assertThat(all.projects()).extracting(PublicProject::reference).containsExactly("R1", "R2", "R3");
        PublicProject first = all.projects().get(0);
        assertThat(first.title()).isEqualTo("Projet R1");
        assertThat(first.territory()).isEqualTo("Dijon");
        assertThat(first.programme()).isEqualTo("AMI-TIGA");
        assertThat(first.publicFunders()).containsExactly(new PublicFunding("CDC", d("500.00")),
                new PublicFunding("Région", d("100.00")));
        assertThat(first.publicTotal()).isEqualByComparingTo("600.00");
        assertThat(first.privateTotal()).isEqualByComparingTo("900.00");
        assertThat(all.projects().get(2).publicFunders()).isEmpty();
        assertThat(all.projects().get(2).publicTotal()).isEqualByComparingTo("0");
        assertThat(all.programmes()).containsExactly("AMI-TIGA", "RESIDENCE-300");
        assertThat(all.territories()).containsExactly("Beaune", "Dijon");
    }

    @Test
    void shouldAddUpAndLeverOnlyTheProjectsShown() {
        Portal all = portal.portal(null, null);
        Portal residence = portal.portal("RESIDENCE-300", null);
        Portal beaune = portal.portal("RESIDENCE-300", "Beaune");
        Portal dijonResidence = portal.portal("RESIDENCE-300", "Dijon");

        assertThat(all.publicTotal()).isEqualByComparingTo("800.00");
        assertThat(all.privateTotal()).isEqualByComparingTo("1050.00");
        assertThat(all.leverage()).isEqualByComparingTo("1.31");
        assertThat(residence.projects()).extracting(PublicProject::reference).containsExactly("R2", "R3");
        assertThat(residence.leverage()).isEqualByComparingTo("0.75");
        assertThat(beaune.projects()).extracting(PublicProject::reference).containsExactly("R2");
        assertThat(beaune.leverage()).isEqualByComparingTo("0.50");
        assertThat(dijonResidence.publicTotal()).isEqualByComparingTo("0");
        assertThat(dijonResidence.leverage()).as("no public money, no leverage").isNull();
        assertThat(residence.programmes()).as("every programme stays offered").hasSize(2);
    }

    @Test
    void shouldSumTheImpactByIndicatorAndUnitOfTheProjectsShown() {
        assertThat(portal.portal(null, null).impact()).containsExactly(
                new IndicatorTotal("JOBS", "ETP", d("15"), d("4")),
                new IndicatorTotal("RESEARCHERS", "persons", d("300"), d("120")),
                new IndicatorTotal("JOBS", "jobs", d("1"), null));
        assertThat(portal.portal("RESIDENCE-300", "Beaune").impact()).containsExactly(
                new IndicatorTotal("JOBS", "ETP", d("5"), null),
                new IndicatorTotal("RESEARCHERS", "persons", d("300"), d("120")));
        assertThat(portal.portal("AMI-TIGA", "Beaune").impact()).isEmpty();
        assertThat(portal.portal(null, "Dijon").impact()).extracting(IndicatorTotal::target)
                .containsExactly(d("10"), d("1"));
    }
}
