package org.cofinance.application.task;

import java.time.LocalDate;

/**
 * Filters of a task list; every field is optional. {@code scope} is {@code me} (assigned to the caller),
 * {@code none} (offered, unclaimed) or empty (both); amounts are in euros, as the API writes them.
 */
public record TaskCriteria(String scope, String programme, Long funderId, String territory, String theme,
                           String minAmount, String maxAmount, LocalDate dueBefore, boolean lateOnly) {

    public static TaskCriteria all() {
        return new TaskCriteria(null, null, null, null, null, null, null, null, false);
    }
}
