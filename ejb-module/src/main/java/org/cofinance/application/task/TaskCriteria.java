package org.cofinance.application.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.access.Caller;
import org.cofinance.application.shared.Inputs;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * Filters of a task list; every field is optional, a blank one is no filter. {@code scope} is {@code me} (assigned to
 * the caller), {@code none} (offered, unclaimed) or empty (both); amounts are in euros, as the API writes them;
 * {@code dueBefore} keeps the tasks due on that day (in Paris) or before; {@code text} is looked for in the requests'
 * references and titles.
 */
public record TaskCriteria(String scope, String programme, Long funderId, String territory, String theme,
                           String minAmount, String maxAmount, LocalDate dueBefore, boolean lateOnly, String text) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public static TaskCriteria all() {
        return new TaskCriteria(null, null, null, null, null, null, null, null, false, null);
    }

    /** The caller's tasks in this scope, nothing else asked. */
    public static TaskCriteria scope(String scope) {
        return new TaskCriteria(scope, null, null, null, null, null, null, null, false, null);
    }

    /** What the search looks for, for this caller at this instant (late means due before it). */
    TaskSearch.Filter filterFor(Caller caller, Long requestId, Instant now) {
        List<Violation> violations = new ArrayList<>();
        Money min = blank(minAmount) ? null : Inputs.amount(minAmount, "minAmount", violations, true);
        Money max = blank(maxAmount) ? null : Inputs.amount(maxAmount, "maxAmount", violations, true);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new TaskSearch.Filter(caller.username(), caller.taskGroups(), scope, requestId, stripped(programme),
                funderId, stripped(territory), stripped(theme), min == null ? null : min.toBigDecimal(),
                max == null ? null : max.toBigDecimal(),
                dueBefore == null ? null : dueBefore.plusDays(1).atStartOfDay(PARIS).toInstant(),
                lateOnly ? now : null, stripped(text));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String stripped(String text) {
        return blank(text) ? null : text.strip();
    }
}
