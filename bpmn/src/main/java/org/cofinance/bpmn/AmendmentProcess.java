package org.cofinance.bpmn;

import java.util.List;

/**
 * The vocabulary of the amendment (avenant) process, {@code processes/amendment.bpmn}: each funder whose amount the
 * amendment changes decides it at the committee levels its new amount calls for; all approve and the amendment is
 * applied, one refuses and it is rejected.
 */
public final class AmendmentProcess {

    public static final String KEY = "amendment";

    public static final String DECIDE_AMENDMENT = "decide-amendment";
    public static final List<String> USER_TASKS = List.of(DECIDE_AMENDMENT);

    /** Process variables: the amendment and its request; in each funder's run, its organisation and level. */
    public static final String AMENDMENT_ID = "amendmentId";

    /** The facade the model's collections and conditions call. */
    public static final String AMENDMENT_DECISIONS = "amendmentDecisions";
    public static final String APPLY_AMENDMENT = "applyAmendment";
    public static final String REJECT_AMENDMENT = "rejectAmendment";
    public static final List<String> DELEGATES = List.of(APPLY_AMENDMENT, REJECT_AMENDMENT);

    private AmendmentProcess() {
    }
}
