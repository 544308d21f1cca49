package org.cofinance.application.task;

/** What a user answers on a task: a decision, and for a reduced approval the amount, with reasons. */
public record TaskAnswer(String decision, String amount, String comment) {
}
