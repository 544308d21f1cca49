package org.cofinance.application.request;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A funding request as a client typed it: raw values, validated by {@link FundingRequestService}. No programme code
 * means the default programme ({@code AMI-TIGA}); no partners, a lead alone; no indicators, no targets.
 */
public record NewRequest(String title, String territory, String theme, Long leadOrganisationId,
                         @Schema(ref = "Money") String eligibleCost,
                         List<Line> plan, String programmeCode, List<Partner> partners, List<Target> indicators) {

    /** A request of the default programme, its lead alone, without impact targets. */
    public static NewRequest ofLead(String title, String territory, String theme, Long leadOrganisationId,
                                    String eligibleCost, List<Line> plan) {
        return new NewRequest(title, territory, theme, leadOrganisationId, eligibleCost, plan, null, null, null);
    }

    public record Line(Long organisationId, String envelopeCode, String instrument,
                       @Schema(ref = "Money") String amount) {
    }

    /**
     * A partner of the coalition beside the lead, and the share of each grant it receives ({@code "0.30"}), if the
     * coalition declares one.
     */
    public record Partner(Long organisationId, String grantShare) {

        public static Partner of(Long organisationId) {
            return new Partner(organisationId, null);
        }
    }

    /** An impact target: the indicator's code and the value promised, a decimal string. */
    public record Target(String code, String target) {
    }
}
