package org.cofinance.domain.model.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.junit.jupiter.api.Test;

/** A partner of a coalition: its organisation and the share of each grant it declared, if any. */
class PartnerTest {

    private final Organisation lab = new Organisation("Laboratoire", OrganisationKind.RESEARCH, null);
    private final Organisation city = new Organisation("Ville", OrganisationKind.MUNICIPALITY, null);

    @Test
    void shouldBeTheSamePartnerOnlyForTheSameOrganisationAndShare() {
        // then a partner equals one of the same organisation and share, and no other
        Partner quarter = new Partner(lab, new BigDecimal("0.25"));
        assertThat(quarter).isEqualTo(new Partner(lab, new BigDecimal("0.25")))
                .hasSameHashCodeAs(new Partner(lab, new BigDecimal("0.25")))
                .isNotEqualTo(new Partner(lab, new BigDecimal("0.30")))
                .isNotEqualTo(new Partner(city, new BigDecimal("0.25")))
                .isNotEqualTo(Partner.of(lab)).isNotEqualTo("Laboratoire");
        assertThat(quarter.organisation()).isSameAs(lab);
        assertThat(quarter.grantShare()).contains(new BigDecimal("0.25"));
        assertThat(Partner.of(city).grantShare()).isEmpty();
        assertThat(Partner.of(city)).isEqualTo(Partner.of(city));
    }
}
