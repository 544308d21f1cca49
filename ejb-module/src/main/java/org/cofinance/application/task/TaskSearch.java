package org.cofinance.application.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;

/**
 * The tasks a user sees, filtered and paged where they are stored: by who may see them, by their request's facts and
 * by the amount at stake, due date first — one query for a page, one for the count, however many tasks there are.
 */
public interface TaskSearch {

    /**
     * What to find. {@code scope} is {@code me} (assigned to or delegated by {@code username}), {@code none}
     * (unclaimed, offered to one of {@code groups}) or anything else for both; the other fields are optional: one request, one
     * programme, the decisions of one funder, a territory (any case), a theme, the amount at stake (what the task's
     * funder puts in, else the eligible cost) between two bounds, due before an instant, late at an instant, a text in
     * the request's reference or title (any case).
     */
    record Filter(String username, Set<String> groups, String scope, Long requestId, String programme, Long funderId,
                  String territory, String theme, BigDecimal minAmount, BigDecimal maxAmount, Instant dueBefore,
                  Instant lateAt, String text) {

        public Filter {
            groups = Set.copyOf(groups);
        }

        /** The user's tasks in a scope, nothing else asked. */
        public static Filter of(String username, Set<String> groups, String scope) {
            return new Filter(username, groups, scope, null, null, null, null, null, null, null, null, null, null);
        }

        /** Whether nothing but the scope is asked. */
        public boolean scopeOnly() {
            return requestId == null && programme == null && funderId == null && territory == null && theme == null
                    && minAmount == null && maxAmount == null && dueBefore == null && lateAt == null && text == null;
        }
    }

    /** The tasks from {@code first}, at most {@code max}, due soonest first (no due date last), then oldest. */
    List<Task> page(Filter filter, int first, int max);

    long count(Filter filter);

    /**
     * How many tasks a user has (assigned to or delegated by him), how many unclaimed ones are offered to his groups,
     * and how many he sees in all: what {@link #count} finds for each scope alone.
     */
    record Counts(long mine, long unassigned, long all) {

        /** How many tasks a filter of this scope alone finds. */
        public long of(String scope) {
            return "me".equals(scope) ? mine : "none".equals(scope) ? unassigned : all;
        }
    }

    /** The three counts of a user's tasks; a store that can should read them at once. */
    default Counts counts(String username, Set<String> groups) {
        return new Counts(count(Filter.of(username, groups, "me")), count(Filter.of(username, groups, "none")),
                count(Filter.of(username, groups, null)));
    }

    /** A page of the tasks found, and how many were found in all. */
    record Found(List<Task> page, long total) {
    }

    /** The page from {@code first}, and the total: counted only when the page does not tell it (a full page). */
    default Found find(Filter filter, int first, int max) {
        List<Task> page = page(filter, first, max);
        boolean told = page.size() < max && (first == 0 || !page.isEmpty());
        return new Found(page, told ? first + page.size() : count(filter));
    }
}
