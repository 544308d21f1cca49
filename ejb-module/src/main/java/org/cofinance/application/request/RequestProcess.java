package org.cofinance.application.request;

/**
 * The request's processes as its use cases drive them: the funding-request process started, asked whether it runs,
 * cancelled; an amendment's process started.
 */
public interface RequestProcess {

    /** Starts the process of a submitted request, as {@code author}; the id of the process instance. */
    String start(String reference, Long requestId, String programmeCode, String author);

    boolean isRunning(String processInstanceId);

    /** Cancels a running request through its process, as {@code author}. */
    void cancel(String processInstanceId, String author);

    /** The process definition a running instance runs: the rules (DMN) deployed with it apply to its request. */
    String definitionOf(String processInstanceId);

    /** Starts the process in which the funders concerned decide an amendment, as {@code author}; its instance id. */
    String startAmendment(String businessKey, Long requestId, Long amendmentId, String programmeCode, String author);
}
