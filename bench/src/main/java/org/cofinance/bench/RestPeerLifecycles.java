package org.cofinance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cofinance.bench.peer.NoOpProcessBeans;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * The same lifecycles driven over HTTP through Camunda's own REST API (the peer WAR: the same models, no-op delegates,
 * an engine of its own with its job executor, basic authentication on), by the same clients making the equivalent
 * calls: start, the officer's task query, claim and completion, the reservation job awaited by polling, each
 * approver's task query, claim and completion in parallel, then reads of the instance.
 */
final class RestPeerLifecycles {

    private static final Duration RESERVATION_PATIENCE = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 5;
    private static final String CONCURRENT_UPDATE = "ENGINE-03005";
    private static final String START = "/process-definition/key/" + FundingRequestProcess.KEY + "/start";
    private static final String APPROVE = """
            {"variables": {"%s": {"value": "APPROVE", "type": "String", "valueInfo": {"transient": true}}}}
            """.formatted(FundingRequestProcess.DECISION);

    private final ApiClient client;

    RestPeerLifecycles(String baseUrl) {
        this.client = new ApiClient(baseUrl);
    }

    /** The latencies of each kind of call of the counted lifecycles, in microseconds. */
    Map<String, ConcurrentLinkedQueue<Long>> callMicros() {
        return client.callMicros();
    }

    LifecycleRun.Phase run(int warmUp, int lifecycles, int clients) throws Exception {
        ExecutorService approvals = Executors.newFixedThreadPool(clients * ApplicationLifecycles.APPROVERS.size());
        try {
            LifecycleRun.Lifecycle lifecycle = index -> {
                String instance = client.call("officer", "POST", START, """
                        {"businessKey": "BENCH-REST-%d", "variables": {"%s": {"value": %d, "type": "Long"}}}
                        """.formatted(index, FundingRequestProcess.REQUEST_ID, index),
                        "POST /process-definition/key/{key}/start").get("id").asText();
                decide("officer", instance, "taskDefinitionKey=" + FundingRequestProcess.INSTRUCT);
                awaitDecisions(instance);
                List<Future<?>> decisions = new ArrayList<>();
                for (int a = 0; a < ApplicationLifecycles.APPROVERS.size(); a++) {
                    String approver = ApplicationLifecycles.APPROVERS.get(a);
                    String group = FundingRequestProcess.APPROVERS_GROUP_PREFIX + NoOpProcessBeans.FUNDERS.get(a);
                    decisions.add(approvals.submit(() -> {
                        decide(approver, instance, "candidateGroup=" + group);
                        return null;
                    }));
                }
                for (Future<?> decision : decisions) {
                    decision.get(60, TimeUnit.SECONDS);
                }
                client.call("officer", "GET", "/process-instance/" + instance, null, "GET /process-instance/{id}");
                if (count(instance, FundingRequestProcess.SIGN_CONVENTION) != 1) {
                    throw new IllegalStateException("instance " + instance + " did not reach the convention");
                }
            };
            return LifecycleRun.warmThenRun("Camunda REST API (peer WAR, same BPMN, no-op delegates)", warmUp,
                    lifecycles, clients, client.callMicros()::clear, lifecycle);
        } finally {
            approvals.shutdown();
        }
    }

    /** The user's one task of the instance that the filter finds, claimed, then completed with an approval. */
    private void decide(String user, String instance, String filter) throws IOException, InterruptedException {
        JsonNode tasks = client.call(user, "GET", "/task?processInstanceId=" + instance + "&" + filter, null,
                "GET /task");
        if (tasks.size() != 1) {
            throw new IllegalStateException(user + " finds " + tasks.size() + " tasks (" + filter + ") on " + instance);
        }
        String task = tasks.get(0).get("id").asText();
        client.call(user, "POST", "/task/" + task + "/claim", "{\"userId\": \"" + user + "\"}",
                "POST /task/{id}/claim");
        for (int attempt = 1; ; attempt++) {
            try {
                client.call(user, "POST", "/task/" + task + "/complete", APPROVE, "POST /task/{id}/complete");
                return;
            } catch (ApiClient.ApiException refused) {
                // as the application does: a decision refused as a concurrent update of the process (the engine's
                // optimistic lock, which the REST API answers as a 500 naming ENGINE-03005) is made again
                if (attempt >= ATTEMPTS || !refused.body().contains(CONCURRENT_UPDATE)) {
                    throw refused;
                }
            }
        }
    }

    /** The reservation is a job of the peer's job executor: polls until the three decision tasks are there. */
    private void awaitDecisions(String instance) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + RESERVATION_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(instance, FundingRequestProcess.DECIDE) == NoOpProcessBeans.FUNDERS.size()) {
                client.record("reservation job (after the instruction)", System.nanoTime() - started);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new IllegalStateException("instance " + instance + " has no decisions after " + RESERVATION_PATIENCE);
    }

    private long count(String instance, String taskKey) throws IOException, InterruptedException {
        return client.call("officer", "GET", "/task/count?processInstanceId=" + instance + "&taskDefinitionKey="
                + taskKey, null, "GET /task/count").get("count").asLong();
    }
}
