package org.cofinance.application.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.shared.Inputs;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.request.ProjectDetails;
import org.cofinance.domain.model.request.Theme;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * Reads a request as a client typed it into the domain's project and plan lines: codes and amounts parsed,
 * organisations and envelopes looked up, every mistake noted against its field ({@code plan[2].amount}) and all of
 * them refused at once. The plan's own rules are the domain's.
 */
@ApplicationScoped
public class RequestDrafts {

    private final OrganisationRepository organisations;
    private final EnvelopeRepository envelopes;

    @Inject
    public RequestDrafts(OrganisationRepository organisations, EnvelopeRepository envelopes) {
        this.organisations = organisations;
        this.envelopes = envelopes;
    }

    /** For the container's proxies only. */
    protected RequestDrafts() {
        this(null, null);
    }

    /** @throws ValidationException naming every field of the project — and of the plan — that cannot be read */
    public ProjectDetails project(NewRequest command) {
        List<Violation> violations = new ArrayList<>();
        Theme theme = command.theme() == null ? null
                : Inputs.parseEnum(Theme.class, command.theme(), "theme", violations);
        Organisation lead = command.leadOrganisationId() == null ? null
                : organisation(command.leadOrganisationId(), "leadOrganisationId", violations);
        Money cost = Inputs.money(command.eligibleCost(), "eligibleCost", violations);
        if (!violations.isEmpty()) {
            resolveLines(command, violations);
            throw new ValidationException(violations);
        }
        return new ProjectDetails(command.title(), command.territory(), theme, lead, cost);
    }

    /** @throws ValidationException naming every field of the plan that cannot be read */
    public List<PlanLineDraft> planLines(NewRequest command) {
        List<Violation> violations = new ArrayList<>();
        List<PlanLineDraft> lines = resolveLines(command, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return lines;
    }

    private List<PlanLineDraft> resolveLines(NewRequest command, List<Violation> violations) {
        List<PlanLineDraft> lines = new ArrayList<>();
        if (command.plan() == null) {
            return lines;
        }
        for (int i = 0; i < command.plan().size(); i++) {
            NewRequest.Line line = command.plan().get(i);
            String field = "plan[" + i + "]";
            if (line == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            Organisation org = line.organisationId() == null ? null
                    : organisation(line.organisationId(), field + ".organisationId", violations);
            if (line.organisationId() == null) {
                violations.add(new Violation(field + ".organisationId", "is required"));
            }
            Envelope envelope = line.envelopeCode() == null || line.envelopeCode().isBlank() ? null
                    : envelope(line.envelopeCode(), field + ".envelopeCode", violations);
            Instrument instrument = line.instrument() == null ? null
                    : Inputs.parseEnum(Instrument.class, line.instrument(), field + ".instrument", violations);
            Money amount = Inputs.money(line.amount(), field + ".amount", violations);
            lines.add(new PlanLineDraft(org, envelope, instrument, amount));
        }
        return lines;
    }

    private Organisation organisation(Long id, String field, List<Violation> violations) {
        return organisations.find(id).orElseGet(() -> {
            violations.add(new Violation(field, "no organisation " + id));
            return null;
        });
    }

    private Envelope envelope(String code, String field, List<Violation> violations) {
        return envelopes.findByCode(code).orElseGet(() -> {
            violations.add(new Violation(field, "no envelope " + code));
            return null;
        });
    }
}
