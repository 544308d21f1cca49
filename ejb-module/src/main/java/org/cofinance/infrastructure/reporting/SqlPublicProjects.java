package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import org.cofinance.application.opendata.PublicProjects;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.reports.ReportRows;

/**
 * What each organisation brings to the requests whose convention is signed (contracted or closed), as the leverage
 * effect counts it (the view {@code request_contribution}: commitments posted, the coalition's own money), with their
 * programme.
 */
@ApplicationScoped
public class SqlPublicProjects implements PublicProjects {

    private static final String QUERY = """
            select r.reference, r.title, r.territory, g.name, o.name, o.kind, sum(x.amount)
            from funding_request r
            join programme g on g.id = r.programme_id
            join request_contribution x on x.request_id = r.id
            join organisation o on o.id = x.organisation_id
            where r.status in ('CONTRACTED', 'CLOSED') and r.convention_signed_at is not null
            group by r.id, r.convention_signed_at, r.reference, r.title, r.territory, g.name, o.id, o.name, o.kind
            order by r.convention_signed_at, r.reference, sum(x.amount) desc, o.name
            """;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ImpactSource impact;

    @Override
    @SuppressWarnings("unchecked")
    public List<Line> signedPlans() {
        List<Object[]> rows = em.createNativeQuery(QUERY).getResultList();
        return rows.stream().map(r -> new Line((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], OrganisationKind.valueOf((String) r[5]).isPublicMoney(), (BigDecimal) r[6])).toList();
    }

    @Override
    public List<Impact> signedImpact() {
        try (ReportRows rows = impact.rows(ReportFilters.none(), new ReportScope(true, null), true)) {
            return rows.remaining().stream().map(r -> new Impact((String) r.get(ImpactSource.PROGRAMME_NAME),
                    (String) r.get("territory"), (String) r.get(ImpactSource.INDICATOR_LABEL), (String) r.get("unit"),
                    (BigDecimal) r.get("target"), (BigDecimal) r.get("actual"))).toList();
        }
    }
}
