package org.cofinance.domain.model.request;

import java.math.BigDecimal;

/** A value of an impact indicator as reported, in the indicator's unit. */
public record IndicatorValue(String code, BigDecimal value) {
}
