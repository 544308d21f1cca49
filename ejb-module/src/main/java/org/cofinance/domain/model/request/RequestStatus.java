package org.cofinance.domain.model.request;

import java.util.EnumSet;
import java.util.Set;

/** The stages of a funding request and the moves allowed between them. */
public enum RequestStatus {
    DRAFT, SUBMITTED, INELIGIBLE, IN_INSTRUCTION, AWAITING_DECISIONS, IN_ARBITRATION, TO_REVISE, APPROVED,
    REJECTED, CONTRACTED, CLOSED, CANCELLED, LAPSED;

    private Set<RequestStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, CANCELLED);
            case SUBMITTED -> EnumSet.of(INELIGIBLE, IN_INSTRUCTION, IN_ARBITRATION, AWAITING_DECISIONS, CANCELLED);
            case IN_INSTRUCTION -> EnumSet.of(IN_ARBITRATION, AWAITING_DECISIONS, TO_REVISE, LAPSED, REJECTED,
                    CANCELLED);
            case IN_ARBITRATION -> EnumSet.of(AWAITING_DECISIONS, TO_REVISE, REJECTED, CANCELLED);
            case AWAITING_DECISIONS -> EnumSet.of(APPROVED, TO_REVISE, REJECTED, CANCELLED);
            case TO_REVISE -> EnumSet.of(SUBMITTED, IN_ARBITRATION, AWAITING_DECISIONS, REJECTED, CANCELLED);
            case APPROVED -> EnumSet.of(CONTRACTED, CANCELLED);
            case CONTRACTED -> EnumSet.of(CLOSED);
            case INELIGIBLE, REJECTED, CLOSED, CANCELLED, LAPSED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
