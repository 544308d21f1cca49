package org.cofinance.domain.model.programme;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.programme.Theme;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * A call for projects (appel à projets) or a funding scheme (dispositif): its code, its name, the organisation whose
 * officers instruct its requests, the days it takes requests (no closing day: open until further notice), its themes
 * and its impact indicators. Its eligibility rules are the decision table {@code eligibility-<code>} deployed with
 * the process, or the general rules. Once created, a programme only gets its operator, when it had none.
 */
@Entity
@Table(name = "programme")
public class Programme {

    /** The call every request answered before programmes existed, and that a request names by default. */
    public static final String DEFAULT_CODE = "AMI-TIGA";

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,29}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 30, updatable = false)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "operator_organisation_id")
    private Organisation operator;

    @Column(name = "opens_on", nullable = false)
    private LocalDate opensOn;

    @Column(name = "closes_on")
    private LocalDate closesOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_theme", joinColumns = @JoinColumn(name = "programme_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "theme", length = 20)
    private Set<Theme> themes = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_indicator", joinColumns = @JoinColumn(name = "programme_id"))
    @OrderColumn(name = "position")
    private List<Indicator> indicators = new ArrayList<>();

    /** Whether its aid is notified to the European Commission (a de minimis aid, regulation 1407/2013). */
    @Column(name = "eu_notified", nullable = false)
    private boolean euNotified;

    @Column(name = "created_by", nullable = false, length = 64, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Programme() {
    }

    /**
     * A new programme.
     *
     * @throws ValidationException naming {@code code}, {@code name}, {@code opensOn}, {@code closesOn},
     *                             {@code themes} or {@code indicators[i].code|label|unit}; nothing is made
     */
    public Programme(String code, String name, Organisation operator, LocalDate opensOn, LocalDate closesOn,
                     Collection<Theme> themes, List<Indicator> indicators, String createdBy, Instant at) {
        this(code, name, operator, opensOn, closesOn, themes, indicators, false, createdBy, at);
    }

    /** The same, saying whether the programme's aid is notified to the European Commission. */
    public Programme(String code, String name, Organisation operator, LocalDate opensOn, LocalDate closesOn,
                     Collection<Theme> themes, List<Indicator> indicators, boolean euNotified, String createdBy,
                     Instant at) {
        List<Violation> violations = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            violations.add(new Violation("code", "is 2 to 30 capitals, digits, - or _, like AMI-TIGA"));
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            violations.add(new Violation("name", "is required, at most 200 characters"));
        }
        if (opensOn == null) {
            violations.add(new Violation("opensOn", "is required"));
        } else if (closesOn != null && closesOn.isBefore(opensOn)) {
            violations.add(new Violation("closesOn", "is not before the opening day"));
        }
        if (themes == null || themes.isEmpty() || themes.stream().anyMatch(java.util.Objects::isNull)) {
            violations.add(new Violation("themes", "a programme has at least one theme"));
        }
        List<Indicator> declared = indicators == null ? List.of() : indicators;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < declared.size(); i++) {
            Indicator indicator = declared.get(i);
            String field = "indicators[" + i + "]";
            if (indicator == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            violations.addAll(indicator.violations(field));
            if (indicator.code() != null && !codes.add(indicator.code())) {
                violations.add(new Violation(field + ".code", "is declared twice"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        this.code = code;
        this.name = name.strip();
        this.operator = operator;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
        this.themes = EnumSet.copyOf(themes);
        this.indicators = new ArrayList<>(declared);
        this.euNotified = euNotified;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    /** A programme created before anyone operated it (the migrated AMI) is given its operator, once. */
    public void operatedBy(Organisation organisation) {
        if (operator != null && !operator.id().equals(organisation.id())) {
            throw new DomainException("programme " + code + " is already operated by organisation " + operator.id());
        }
        this.operator = organisation;
    }

    /** Whether it takes requests on that day: opened, not closed. */
    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && (closesOn == null || !day.isAfter(closesOn));
    }

    public boolean offers(Theme theme) {
        return themes.contains(theme);
    }

    public Optional<Indicator> indicator(String indicatorCode) {
        return indicators.stream().filter(i -> i.code().equals(indicatorCode)).findFirst();
    }

    /**
     * Whether the caller's organisation instructs its requests: the operator's officers, or any officer while it has
     * no operator.
     */
    public boolean isInstructedBy(Long organisationId) {
        return operator == null || operator.id().equals(organisationId);
    }

    /**
     * What keeps a request from answering it on {@code day}: closed or not open yet ({@code programmeCode}), a theme
     * outside it ({@code theme}). Empty when it may.
     */
    public List<Violation> violationsOfRequest(Theme theme, LocalDate day) {
        List<Violation> violations = new ArrayList<>();
        if (!isOpenOn(day)) {
            violations.add(new Violation("programmeCode", "programme " + code + (day.isBefore(opensOn)
                    ? " opens on " + opensOn : " closed on " + closesOn) + ": it takes no request"));
        }
        if (theme != null && !offers(theme)) {
            violations.add(new Violation("theme", "is not a theme of programme " + code + " " + themes()));
        }
        return violations;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Optional<Organisation> operator() {
        return Optional.ofNullable(operator);
    }

    public LocalDate opensOn() {
        return opensOn;
    }

    public LocalDate closesOn() {
        return closesOn;
    }

    /** Its themes, in the order of the themes' list. */
    public List<Theme> themes() {
        return EnumSet.copyOf(themes).stream().toList();
    }

    public List<Indicator> indicators() {
        return List.copyOf(indicators);
    }

    public boolean isEuNotified() {
        return euNotified;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
