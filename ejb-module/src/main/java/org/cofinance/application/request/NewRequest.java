package org.cofinance.application.request;

import java.util.List;

/** A funding request as a client typed it: raw values, validated by {@link FundingRequestService}. */
public record NewRequest(String title, String territory, String theme, Long leadOrganisationId, String eligibleCost,
                         List<Line> plan) {

    public record Line(Long organisationId, String envelopeCode, String instrument, String amount) {
    }
}
