package org.cofinance.application.request;

import java.util.List;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.EligibilityFacts;
import org.cofinance.domain.model.shared.Money;

/**
 * The rules a process version was deployed with, edited without code (DMN): which of the call's rules a request
 * breaks, and which committee levels of a funder decide on its part. Each answer comes from the decision deployed
 * with the process definition that asks, so running requests keep the rules they started with.
 */
public interface RequestRules {

    /** The reasons (rule codes) the request breaks the call's rules for; empty when it keeps them. */
    List<String> eligibilityReasons(EligibilityFacts facts, String processDefinitionId);

    /** The committee levels of an organisation of that kind that decide on that amount, in order. */
    List<String> committeeLevels(OrganisationKind kind, Money amount, String processDefinitionId);
}
