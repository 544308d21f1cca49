package org.cofinance.domain.model.request;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One tranche of a schedule agreed at the convention's signature: its label (free text), the share of every
 * commitment it pays, in percent with two decimals, and its due date. {@link FundingRequest#signConvention} checks
 * the schedule as a whole.
 */
public record TrancheTerms(String label, BigDecimal share, LocalDate dueOn) {
}
