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
    }

    /** The tasks from {@code first}, at most {@code max}, due soonest first (no due date last), then oldest. */
    List<Task> page(Filter filter, int first, int max);

    long count(Filter filter);

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
