package org.cofinance.application.task;

import java.util.List;

/**
 * What a user answers on a task: a decision, and for a reduced approval the amount, with reasons; at the convention's
 * signature, the schedule of tranches the parties agreed (the standard one when empty).
 */
public record TaskAnswer(String decision, String amount, String comment, List<ScheduleLine> schedule) {

    /** One tranche of the agreed schedule as typed: its label, its share in percent ("30.00") and its due date. */
    public record ScheduleLine(String label, String share, String dueOn) {
    }
}
