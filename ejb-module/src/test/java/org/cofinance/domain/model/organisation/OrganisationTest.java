package org.cofinance.domain.model.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An organisation: its name, its kind's money, its SIRET and an association's RNA number. */
class OrganisationTest {

    @Test
    void shouldKeepItsNameKindAndSiretAndSayWhatMoneyItBrings() {
        // when a region with its SIRET and a company without one are registered
        Organisation region = new Organisation("  Région Bourgogne-Franche-Comté ", OrganisationKind.REGION,
                Siret.of("18002002600019"));
        Organisation company = new Organisation("Agrinova", OrganisationKind.COMPANY, null);

        // then each keeps its facts, and says whether its money is public and it is a local authority
        assertThat(region.name()).isEqualTo("Région Bourgogne-Franche-Comté");
        assertThat(region.kind()).isEqualTo(OrganisationKind.REGION);
        assertThat(region.siret()).contains(Siret.of("18002002600019"));
        assertThat(region.bringsPublicMoney()).isTrue();
        assertThat(region.isLocalAuthority()).isTrue();
        assertThat(company.siret()).isEmpty();
        assertThat(company.bringsPublicMoney()).isFalse();
        assertThat(company.isLocalAuthority()).isFalse();
        assertThat(new Organisation("CDC", OrganisationKind.CDC, null).isLocalAuthority()).isFalse();
        assertThat(company.rna()).isEmpty();
        assertThat(company.id()).isNull();
        assertThatThrownBy(() -> new Organisation(" ", OrganisationKind.COMPANY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Organisation(null, OrganisationKind.COMPANY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Organisation("X", null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void shouldRegisterAnAssociationsRnaNumberOfWAndNineDigitsOnly() {
        // given an association
        Organisation association = new Organisation("Les Amis du Plateau", OrganisationKind.ASSOCIATION, null);

        // then a malformed number is refused and nothing is kept, a good one is
        for (String wrong : new String[] {null, "W12345678", "W1234567890", "X123456789", "w123456789"}) {
            assertThatThrownBy(() -> association.registerRna(wrong)).as(String.valueOf(wrong))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(association.rna()).isEmpty();
        association.registerRna("W212001234");
        assertThat(association.rna()).contains("W212001234");
    }

    @Test
    void shouldCompareSiretsByTheirDigits() {
        // then two SIRETs of the same digits are equal and hash alike, and print as their digits
        Siret siret = Siret.of("18002002600019");
        assertThat(siret).isEqualTo(Siret.of("18002002600019")).hasSameHashCodeAs(Siret.of("18002002600019"))
                .isNotEqualTo(Siret.of("35600000012341")).isNotEqualTo("18002002600019");
        assertThat(siret.toString()).isEqualTo("18002002600019");
    }
}
