package org.cofinance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * Full lifecycles through the running application's API — create, submit, instruct, reservation, three approvals by
 * three organisations in parallel, commitments posted — with the latency of each API call.
 */
final class ApplicationLifecycles {

    static final List<String> APPROVERS = List.of("cdc", "investor", "region");
    private static final Duration RESERVATION_PATIENCE = Duration.ofSeconds(60);

    private final ApiClient client;

    ApplicationLifecycles(String api) {
        this.client = new ApiClient(api);
    }

    /** The latencies of each kind of API call of the counted lifecycles, in microseconds. */
    Map<String, ConcurrentLinkedQueue<Long>> callMicros() {
        return client.callMicros();
    }

    /** A 100,000 € plan: the CDC 30,000 €, the fund 30,000 €, the region 20,000 €, the lead 20,000 € of its own. */
    private String plan(Map<String, Long> organisations, int index) {
        return """
                {"title": "Bench lifecycle %d", "territory": "Bench", "theme": "DIGITAL", "leadOrganisationId": %d,
                 "eligibleCost": "100000.00", "plan": [
                 {"organisationId": %d, "envelopeCode": "AMI-TIGA-SUB", "instrument": "SUBSIDY", "amount": "30000.00"},
                 {"organisationId": %d, "envelopeCode": "FONDS-IMMO", "instrument": "EQUITY", "amount": "30000.00"},
                 {"organisationId": %d, "envelopeCode": "REGION-BFC", "instrument": "SUBSIDY", "amount": "20000.00"},
                 {"organisationId": %d, "envelopeCode": null, "instrument": "SELF_FUNDING", "amount": "20000.00"}]}
                """.formatted(index, organisations.get("Agrinova"), organisations.get("Caisse des Dépôts"),
                organisations.get("Fonds Résidence"), organisations.get("Région"), organisations.get("Agrinova"));
    }

    /** Raises the demo envelopes' ceilings, by amendment, so that every lifecycle of the run fits. */
    void makeRoom(int lifecycles) throws IOException, InterruptedException {
        Map<String, BigDecimal> needs = Map.of("AMI-TIGA-SUB", new BigDecimal("30000.00"), "FONDS-IMMO",
                new BigDecimal("30000.00"), "REGION-BFC", new BigDecimal("20000.00"));
        for (JsonNode envelope : client.call("admin", "GET", "/envelopes?size=500", null, "setup").get("items")) {
            BigDecimal need = needs.get(envelope.get("code").asText());
            if (need == null) {
                continue;
            }
            BigDecimal wanted = need.multiply(BigDecimal.valueOf(lifecycles + 10L));
            BigDecimal available = new BigDecimal(envelope.get("available").asText());
            if (available.compareTo(wanted) < 0) {
                if (envelope.get("code").asText().startsWith("AMI-TIGA-")) {
                    throw new IllegalStateException("AMI-TIGA-SUB cannot hold " + lifecycles + " lifecycles");
                }
                BigDecimal ceiling = new BigDecimal(envelope.get("ceiling").asText()).add(wanted).subtract(available);
                client.call("admin", "POST", "/envelopes/" + envelope.get("id").asLong() + "/amendments",
                        "{\"ceiling\":\"" + ceiling.toPlainString() + "\",\"reason\":\"lifecycle benchmark\"}",
                        "setup");
            }
        }
    }

    LifecycleRun.Phase run(int warmUp, int lifecycles, int clients) throws Exception {
        Map<String, Long> organisations = new TreeMap<>();
        for (JsonNode o : client.call("admin", "GET", "/organisations?size=500", null, "setup").get("items")) {
            for (String start : List.of("Agrinova", "Caisse des Dépôts", "Fonds Résidence", "Région")) {
                if (o.get("name").asText().startsWith(start)) {
                    organisations.putIfAbsent(start, o.get("id").asLong());
                }
            }
        }
        ExecutorService approvals = Executors.newFixedThreadPool(clients * APPROVERS.size());
        try {
            LifecycleRun.Lifecycle lifecycle = index -> {
                JsonNode created = client.call("officer", "POST", "/requests", plan(organisations, index), "POST /requests");
                long id = created.get("id").asLong();
                client.call("officer", "POST", "/requests/" + id + "/submit", null, "POST /requests/{id}/submit");
                complete("officer", id, FundingRequestProcess.INSTRUCT);
                awaitStatus(id, "AWAITING_DECISIONS");
                List<Future<?>> decisions = new ArrayList<>();
                for (String approver : APPROVERS) {
                    decisions.add(approvals.submit(() -> {
                        complete(approver, id, FundingRequestProcess.DECIDE);
                        return null;
                    }));
                }
                for (Future<?> decision : decisions) {
                    decision.get(60, TimeUnit.SECONDS);
                }
                String status = client.call("officer", "GET", "/requests/" + id, null, "GET /requests/{id}").get("status")
                        .asText();
                if (!"APPROVED".equals(status)) {
                    throw new IllegalStateException("request " + id + " ended " + status);
                }
            };
            return LifecycleRun.warmThenRun("application (API)", warmUp, lifecycles, clients, client.callMicros()::clear,
                    lifecycle);
        } finally {
            approvals.shutdown();
        }
    }

    private void complete(String user, long requestId, String taskType) throws IOException, InterruptedException {
        for (JsonNode task : client.call(user, "GET", "/tasks?requestId=" + requestId, null, "GET /tasks").get("items")) {
            if (task.get("taskType").asText().equals(taskType)) {
                client.call(user, "POST", "/tasks/" + task.get("id").asText() + "/complete", "{\"decision\":\"APPROVE\"}",
                        "POST /tasks/{id}/complete");
                return;
            }
        }
        throw new IllegalStateException("no " + taskType + " task for " + user + " on request " + requestId);
    }

    /** The reservation is a job of its own: polls the request until it leaves instruction. */
    private void awaitStatus(long id, String expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RESERVATION_PATIENCE.toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            String status = client.call("officer", "GET", "/requests/" + id, null, "GET /requests/{id}").get("status")
                    .asText();
            if (expected.equals(status)) {
                client.record("reservation job (after the instruction)", System.nanoTime() - started);
                return;
            }
            if (!"IN_INSTRUCTION".equals(status)) {
                throw new IllegalStateException("request " + id + " is " + status + ", expected " + expected);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new IllegalStateException("request " + id + " not " + expected + " after " + RESERVATION_PATIENCE);
    }
}
