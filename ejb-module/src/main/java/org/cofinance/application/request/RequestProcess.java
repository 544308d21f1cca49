package org.cofinance.application.request;

/** The funding-request process as the request's use cases drive it: started, asked whether it runs, cancelled. */
public interface RequestProcess {

    /** Starts the process of a submitted request, as {@code author}; the id of the process instance. */
    String start(String reference, Long requestId, String author);

    boolean isRunning(String processInstanceId);

    /** Cancels a running request through its process, as {@code author}. */
    void cancel(String processInstanceId, String author);
}
