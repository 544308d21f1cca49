package org.cofinance.application.ledger;

import java.util.List;
import org.cofinance.domain.model.shared.Money;

/**
 * The échéancier prévisionnel: per year, envelope and funder, what the signed schedules call for (each tranche's share
 * of every commitment, in the year it is due), what was paid that year (the payments that count against the year's
 * payment credits), and the envelope's credits for the year.
 */
public interface Forecasts {

    /**
     * @param paymentCredits the envelope's credits for the year, null when the year has none
     */
    record Line(int year, String envelope, String funder, Money scheduled, Money paid, Money paymentCredits) {
    }

    /**
     * What narrows the lines: an envelope (with its sub-envelopes), a funder, the organisation whose money a finance
     * team sees (0 for all, as {@code ReportScope.organisationFilter()} gives it), a territory; any may be null.
     */
    record Criteria(String envelopeCode, Long funderId, long organisationFilter, String territory) {
    }

    /** The lines, by year, envelope and funder. */
    List<Line> lines(Criteria criteria);
}
