package org.cofinance.application.ledger;

import java.math.BigDecimal;
import java.util.List;

/** Every envelope's balances as its row holds them,
        beside what its ledger entries (and its sub-envelopes') add up to. */
public interface BalancesFromEntries {

    /** One envelope's stored figures and the same figures derived from the entries. */
    record Compared(String code, BigDecimal ceiling, BigDecimal ceilingFromEntries, BigDecimal reserved,
                    BigDecimal reservedFromEntries, BigDecimal committed, BigDecimal committedFromEntries,
                    BigDecimal disbursed, BigDecimal disbursedFromEntries) {
    }

    /** Every envelope, by code. */
    List<Compared> compare();
}
