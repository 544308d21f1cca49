package org.cofinance.application.reporting;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.cofinance.domain.model.shared.Money;

/** What the one-request documents (the request sheet, the convention) write alike: their rows, euros and shares. */
final class SheetFormats {

    private SheetFormats() {
    }

    static Map<String, ?> row(String section, String label, String detail, Money amount) {
        Map<String, Object> row = new HashMap<>();
        row.put("section", section);
        row.put("label", label);
        row.put("detail", detail);
        row.put("amount", amount == null ? null : amount.toBigDecimal());
        return row;
    }

    static String euros(Money amount, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount.toBigDecimal()) + " €";
    }

    static String share(Money part, Money total, Locale locale) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        BigDecimal ratio = part.ratioOf(total);
        return euros(part, locale) + " (" + percent.format(ratio) + ")";
    }

    static String percent(BigDecimal ratio, Locale locale) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(2);
        percent.setMaximumFractionDigits(2);
        return percent.format(ratio);
    }
}
