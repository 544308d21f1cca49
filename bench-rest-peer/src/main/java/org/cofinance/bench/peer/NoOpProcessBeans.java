package org.cofinance.bench.peer;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cofinance.bpmn.FundingRequestProcess;

/**
 * The application's beans the funding-request process calls, doing nothing: the request is eligible, its reservation
 * fits, three funders decide at one level each and all approve. What the process costs without the application.
 */
public final class NoOpProcessBeans {

    /** The funders every lifecycle asks, one decision task each. */
    public static final List<Long> FUNDERS = List.of(1L, 2L, 3L);

    private NoOpProcessBeans() {
    }

    /** The beans by the names the models call them, for an engine's {@code setBeans}. */
    public static Map<Object, Object> byName() {
        JavaDelegate noOp = execution -> { };
        Map<Object, Object> beans = new HashMap<>();
        FundingRequestProcess.DELEGATES.forEach(name -> beans.put(name, noOp));
        beans.put(FundingRequestProcess.CHECK_ELIGIBILITY,
                (JavaDelegate) execution -> execution.setVariable(FundingRequestProcess.ELIGIBLE, true));
        beans.put(FundingRequestProcess.RESERVE_FUNDS,
                (JavaDelegate) execution -> execution.setVariable(FundingRequestProcess.RESERVATION_FITS, true));
        beans.put(FundingRequestProcess.FUNDING_DECISIONS, new Decisions());
        return beans;
    }

    /** The {@code fundingDecisions} bean's questions, answered for a request every funder approves at one level. */
    public static final class Decisions {
        public List<Long> fundersToDecide(Long requestId) {
            return FUNDERS;
        }

        public List<String> committeeLevels(Long requestId, Long organisationId, String processDefinitionId) {
            return List.of("COMMITTEE");
        }

        public boolean stoppedAt(Long requestId, Long organisationId) {
            return false;
        }

        public boolean anyRejected(Long requestId) {
            return false;
        }

        public boolean allApproved(Long requestId) {
            return true;
        }

        public List<Long> trancheIds(Long requestId) {
            return List.of();
        }

        public Date trancheDue(Long trancheId) {
            return new Date();
        }
    }
}
