package org.cofinance.application.task;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a user answers on a task: a decision, and for a reduced approval the amount, with reasons; at the convention's
 * signature, the schedule of tranches the parties agreed (the standard one when empty); with a milestone's evidence,
 * the actuals of the programme's impact indicators.
 */
public record TaskAnswer(String decision, @Schema(ref = "Money") String amount, String comment,
                         List<ScheduleLine> schedule,
                         List<Actual> actuals) {

    /** A value reached on an impact indicator, as typed: its code and a decimal string. */
    public record Actual(String code, String value) {
    }

    /** One tranche of the agreed schedule as typed: its label, its share in percent ("30.00") and its due date. */
    public record ScheduleLine(String label, String share, String dueOn) {
    }
}
