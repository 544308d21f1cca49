package org.cofinance.application.request;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.shared.Inputs;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.ledger.EnvelopeRepository;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.programme.ProgrammeRepository;
import org.cofinance.domain.model.request.ImpactTarget;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.request.Partner;
import org.cofinance.domain.model.request.PlanLineDraft;
import org.cofinance.domain.model.request.ProjectDetails;
import org.cofinance.domain.model.programme.Theme;
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
    private final ProgrammeRepository programmes;

    @Inject
    public RequestDrafts(OrganisationRepository organisations, EnvelopeRepository envelopes,
                         ProgrammeRepository programmes) {
        this.organisations = organisations;
        this.envelopes = envelopes;
        this.programmes = programmes;
    }

    /** For the container's proxies only. */
    protected RequestDrafts() {
        this(null, null, null);
    }

    /** The programme the request names, the default one when it names none. */
    public Programme programme(NewRequest command) {
        String code = command.programmeCode() == null || command.programmeCode().isBlank() ? Programme.DEFAULT_CODE
                : command.programmeCode().strip();
        return programmes.findByCode(code)
                .orElseThrow(() -> ValidationException.of("programmeCode", "no programme " + code));
    }

    /**
     * @throws ValidationException naming every field of the project — partners and impact targets included, and of
     *                             the plan — that cannot be read
     */
    public ProjectDetails project(NewRequest command) {
        List<Violation> violations = new ArrayList<>();
        Theme theme = command.theme() == null ? null
                : Inputs.parseEnum(Theme.class, command.theme(), "theme", violations);
        Organisation lead = command.leadOrganisationId() == null ? null
                : organisation(command.leadOrganisationId(), "leadOrganisationId", violations);
        Money cost = Inputs.money(command.eligibleCost(), "eligibleCost", violations);
        List<Partner> partners = new ArrayList<>();
        List<NewRequest.Partner> typed = command.partners() == null ? List.of() : command.partners();
        for (int i = 0; i < typed.size(); i++) {
            String field = "partners[" + i + "].organisationId";
            if (typed.get(i) == null || typed.get(i).organisationId() == null) {
                violations.add(new Violation(field, "is required"));
            } else {
                BigDecimal share = typed.get(i).grantShare() == null || typed.get(i).grantShare().isBlank() ? null
                        : Inputs.decimal(typed.get(i).grantShare(), "partners[" + i + "].grantShare", violations);
                partners.add(new Partner(organisation(typed.get(i).organisationId(), field, violations), share));
            }
        }
        impactTargets(command, violations);
        if (!violations.isEmpty()) {
            resolveLines(command, violations);
            throw new ValidationException(violations);
        }
        return new ProjectDetails(command.title(), command.territory(), theme, lead, cost, partners);
    }

    /** @throws ValidationException naming every target that cannot be read ({@code indicators[i].code|target}) */
    public List<ImpactTarget> impactTargets(NewRequest command) {
        List<Violation> violations = new ArrayList<>();
        List<ImpactTarget> targets = impactTargets(command, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return targets;
    }

    private static List<ImpactTarget> impactTargets(NewRequest command, List<Violation> violations) {
        List<ImpactTarget> targets = new ArrayList<>();
        List<NewRequest.Target> typed = command.indicators() == null ? List.of() : command.indicators();
        for (int i = 0; i < typed.size(); i++) {
            NewRequest.Target target = typed.get(i);
            String field = "indicators[" + i + "]";
            if (target == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            if (target.code() == null || target.code().isBlank()) {
                violations.add(new Violation(field + ".code", "is required"));
            }
            targets.add(new ImpactTarget(target.code() == null ? null : target.code().strip(),
                    Inputs.decimal(target.target(), field + ".target", violations)));
        }
        return targets;
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
