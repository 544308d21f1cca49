package org.cofinance.domain.model.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What one day's ledger entries moved on an envelope and its sub-envelopes: the change of reserved, committed and
 * disbursed, and the ceiling the envelope's last amendment of the day set (null when none).
 */
public record DailyMovements(LocalDate day, BigDecimal reserved, BigDecimal committed, BigDecimal disbursed,
                             BigDecimal ceiling) {
}
