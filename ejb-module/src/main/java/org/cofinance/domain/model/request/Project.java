package org.cofinance.domain.model.request;

import org.cofinance.domain.model.programme.Theme;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.shared.Money;

/**
 * The project a request finances, as the request keeps it: title, territory, theme, lead organisation (porteur) and
 * eligible cost. Set from {@link ProjectDetails} once they keep the rules; replaced whole, never field by field.
 */
@Embeddable
public class Project {

    @Column(nullable = false, length = 300)
    private String title;

    @Column(nullable = false, length = 200)
    private String territory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Theme theme;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "lead_organisation_id")
    private Organisation lead;

    @Column(name = "eligible_cost", nullable = false, precision = 19, scale = 2)
    private Money eligibleCost;

    protected Project() {
    }

    /** The project of valid details, its texts stripped of surrounding blanks. */
    static Project of(ProjectDetails details) {
        Project project = new Project();
        project.title = details.title().strip();
        project.territory = details.territory().strip();
        project.theme = details.theme();
        project.lead = details.lead();
        project.eligibleCost = details.eligibleCost();
        return project;
    }

    public ProjectDetails details() {
        return new ProjectDetails(title, territory, theme, lead, eligibleCost);
    }

    public String title() {
        return title;
    }

    public String territory() {
        return territory;
    }

    public Theme theme() {
        return theme;
    }

    public Organisation lead() {
        return lead;
    }

    public Money eligibleCost() {
        return eligibleCost;
    }
}
