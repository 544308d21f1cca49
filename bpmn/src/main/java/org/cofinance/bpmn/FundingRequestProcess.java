package org.cofinance.bpmn;

import java.util.List;
import java.util.Optional;

/**
 * The vocabulary of the funding-request process, written once: its key and message, the keys of its user tasks, the
 * names of its variables and decisions, the candidate groups, and the names of the beans its models call. The
 * delegates, the application services and the tests use these names; {@code FundingRequestProcessVocabularyTest}
 * checks them against the models.
 */
public final class FundingRequestProcess {

    public static final String KEY = "funding-request";
    /** The message that cancels a running request. */
    public static final String CANCEL_MESSAGE = "cancel-request";

    /** User tasks, by their activity id (the task definition key). */
    public static final String INSTRUCT = "instruct";
    public static final String AWAIT_COMPLEMENTS = "await-complements";
    public static final String ARBITRATE = "arbitrate";
    public static final String REVISE_PLAN = "revise-plan";
    public static final String DECIDE = "decide";
    public static final String SIGN_CONVENTION = "sign-convention";
    public static final String RECORD_EVIDENCE = "record-evidence";
    public static final String VALIDATE_PAYMENT = "validate-payment";
    public static final List<String> USER_TASKS = List.of(INSTRUCT, AWAIT_COMPLEMENTS, ARBITRATE, REVISE_PLAN, DECIDE,
            SIGN_CONVENTION, RECORD_EVIDENCE, VALIDATE_PAYMENT);

    /** Process variables: ids and flags only. */
    public static final String REQUEST_ID = "requestId";
    public static final String ORGANISATION_ID = "organisationId";
    public static final String LEVEL = "level";
    public static final String TRANCHE_ID = "trancheId";
    public static final String ELIGIBLE = "eligible";
    public static final String RESERVATION_FITS = "reservationFits";
    /** The answer of a task, a transient variable read by the gateway right after it. */
    public static final String DECISION = "decision";
    /**
     * Who completed the latest task: the author of the steps that run after it in a job of their own (the
     * reservation), where nobody is signed in.
     */
    public static final String LAST_ACTOR = "lastActor";

    /** The code of the request's programme: task lists filter by it. */
    public static final String PROGRAMME_CODE = "programmeCode";

    /** Decisions (DMN) deployed with the process. */
    public static final String ELIGIBILITY_DECISION = "eligibility";
    public static final String COMMITTEE_LEVEL_DECISION = "committee-level";

    /** The key of a programme's own eligibility rules; a programme without them keeps the general ones. */
    public static String eligibilityDecisionOf(String programmeCode) {
        return ELIGIBILITY_DECISION + "-" + programmeCode;
    }

    /** Candidate groups of the user tasks. */
    public static final String OFFICERS_GROUP = "officers";
    public static final String APPROVERS_GROUP_PREFIX = "approvers-";
    public static final String FINANCE_GROUP_PREFIX = "finance-";
    /**
     * The one finance group of the model's first version, whose tranches were validated by any finance user: its
     * running instances keep it (the current model offers each funder's validation to {@link #financeGroup}).
     */
    public static final String FINANCE_GROUP = "finance";

    /** Beans the models call by name: the conditions' and collections' facade, the listener, the delegates. */
    public static final String FUNDING_DECISIONS = "fundingDecisions";
    public static final String TASK_NOTIFICATIONS = "taskNotifications";
    public static final String CHECK_ELIGIBILITY = "checkEligibility";
    public static final String RESERVE_FUNDS = "reserveFunds";
    public static final String POST_COMMITMENTS = "postCommitments";
    public static final String SEND_BACK_FOR_REVISION = "sendBackForRevision";
    public static final String REJECT_REQUEST = "rejectRequest";
    public static final String LAPSE_REQUEST = "lapseRequest";
    public static final String CANCEL_REQUEST = "cancelRequest";
    public static final String RECORD_CONVENTION = "recordConvention";
    public static final String CLOSE_REQUEST = "closeRequest";
    public static final String ESCALATE_LATE_DECISIONS = "escalateLateDecisions";
    public static final List<String> DELEGATES = List.of(CHECK_ELIGIBILITY, RESERVE_FUNDS, POST_COMMITMENTS,
            SEND_BACK_FOR_REVISION, REJECT_REQUEST, LAPSE_REQUEST, CANCEL_REQUEST, RECORD_CONVENTION,
            CLOSE_REQUEST, ESCALATE_LATE_DECISIONS);
    /** Called by the model's first version only (one payment of the whole tranche): kept for its running instances. */
    public static final String BOOK_TRANCHE = "bookTranche";

    private FundingRequestProcess() {
    }

    /** The candidate group of an organisation's approvers: its funder's decisions are offered to them. */
    public static String approversGroup(Long organisationId) {
        return APPROVERS_GROUP_PREFIX + organisationId;
    }

    /** The candidate group of an organisation's finance users: its share of each tranche is offered to them. */
    public static String financeGroup(Long organisationId) {
        return FINANCE_GROUP_PREFIX + organisationId;
    }

    /** The organisation whose approvers form the group, when it is such a group. */
    public static Optional<Long> organisationOfApprovers(String group) {
        return organisationOf(group, APPROVERS_GROUP_PREFIX);
    }

    /** The organisation whose finance users form the group, when it is such a group. */
    public static Optional<Long> organisationOfFinance(String group) {
        return organisationOf(group, FINANCE_GROUP_PREFIX);
    }

    private static Optional<Long> organisationOf(String group, String prefix) {
        if (group == null || !group.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(group.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
