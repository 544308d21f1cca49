package org.cofinance.application.ledger;

/** An envelope's payment credits for a year, and what was paid against them that year. */
public record PaymentCreditView(int year, String amount, String paid) {
}
