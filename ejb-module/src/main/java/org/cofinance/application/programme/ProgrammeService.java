package org.cofinance.application.programme;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.access.Caller;
import org.cofinance.application.access.Callers;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.NotFoundException;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationRepository;
import org.cofinance.domain.model.programme.Indicator;
import org.cofinance.domain.model.programme.Programme;
import org.cofinance.domain.model.programme.ProgrammeRepository;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.cofinance.domain.model.user.Role;

/** Lists programmes to whoever is signed in; creates them for an administrator. */
@Stateless
public class ProgrammeService {

    private static final ZoneId CALENDAR = ZoneId.of("Europe/Paris");

    private final ProgrammeRepository programmes;
    private final OrganisationRepository organisations;
    private final Callers callers;
    private final Clock clock;

    @Inject
    public ProgrammeService(ProgrammeRepository programmes, OrganisationRepository organisations, Callers callers,
                            Clock clock) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.callers = callers;
        this.clock = clock;
    }

    /** For the container's proxies only. */
    protected ProgrammeService() {
        this(null, null, null, null);
    }

    public List<ProgrammeView> list() {
        callers.current();
        LocalDate today = today();
        return programmes.all().stream().map(p -> ProgrammeView.of(p, today)).toList();
    }

    public ProgrammeView get(String code) {
        callers.current();
        return programmes.findByCode(code).map(p -> ProgrammeView.of(p, today()))
                .orElseThrow(() -> new NotFoundException("no programme " + code));
    }

    /**
     * A new programme; its rules are the decision {@code eligibility-<code>} when one is deployed, the general ones
     * otherwise.
     *
     * @throws ValidationException naming every field that cannot be read or breaks a rule; nothing is stored
     */
    public ProgrammeView create(NewProgramme command) {
        Caller caller = callers.current().require(Role.ADMIN);
        List<Violation> violations = new ArrayList<>();
        Organisation operator = null;
        if (command.operatorOrganisationId() == null) {
            violations.add(new Violation("operatorOrganisationId", "is required"));
        } else {
            operator = organisations.find(command.operatorOrganisationId()).orElse(null);
            if (operator == null) {
                violations.add(new Violation("operatorOrganisationId", "no organisation "
                        + command.operatorOrganisationId()));
            }
        }
        LocalDate opensOn = Inputs.date(command.opensOn(), "opensOn", violations);
        LocalDate closesOn = Inputs.date(command.closesOn(), "closesOn", violations);
        List<Theme> themes = new ArrayList<>();
        List<String> typedThemes = command.themes() == null ? List.of() : command.themes();
        for (int i = 0; i < typedThemes.size(); i++) {
            themes.add(typedThemes.get(i) == null ? null
                    : Inputs.parseEnum(Theme.class, typedThemes.get(i), "themes[" + i + "]", violations));
        }
        List<Indicator> indicators = new ArrayList<>();
        List<NewProgramme.IndicatorLine> typedIndicators = command.indicators() == null ? List.of()
                : command.indicators();
        for (NewProgramme.IndicatorLine line : typedIndicators) {
            indicators.add(line == null ? null : new Indicator(line.code(), line.label(), line.unit()));
        }
        if (command.code() != null && programmes.findByCode(command.code().strip()).isPresent()) {
            violations.add(new Violation("code", "programme " + command.code().strip() + " already exists"));
        }
        List<Violation> domain = new ArrayList<>();
        Programme programme = null;
        try {
            programme = new Programme(command.code() == null ? null : command.code().strip(), command.name(),
                    operator, opensOn, closesOn, themes.stream().filter(java.util.Objects::nonNull).toList(), indicators,
                    Boolean.TRUE.equals(command.euNotification()), caller.username(), clock.instant());
        } catch (ValidationException e) {
            domain.addAll(e.violations());
        }
        violations.addAll(domain.stream().filter(v -> violations.stream()
                .noneMatch(seen -> seen.field().equals(v.field()))).toList());
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        programmes.add(programme);
        return ProgrammeView.of(programme, today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CALENDAR);
    }
}
