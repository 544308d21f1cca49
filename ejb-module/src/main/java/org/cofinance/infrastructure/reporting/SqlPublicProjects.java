package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import org.cofinance.application.opendata.PublicProjects;
import org.cofinance.domain.model.organisation.OrganisationKind;

/** The plan lines of the requests whose convention is signed (contracted or closed), with their programme. */
@ApplicationScoped
public class SqlPublicProjects implements PublicProjects {

    private static final String QUERY = """
            select r.reference, r.title, r.territory, coalesce(p.name, e.name), o.name, o.kind, pl.amount
            from funding_request r
            join plan_line pl on pl.request_id = r.id
            join organisation o on o.id = pl.organisation_id
            left join envelope e on e.id = pl.envelope_id
            left join envelope p on p.id = e.parent_id
            where r.status in ('CONTRACTED', 'CLOSED') and r.convention_signed_at is not null
            order by r.convention_signed_at, r.reference, pl.position
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<Line> signedPlans() {
        List<Object[]> rows = em.createNativeQuery(QUERY).getResultList();
        return rows.stream().map(r -> new Line((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], OrganisationKind.valueOf((String) r[5]).isPublicMoney(), (BigDecimal) r[6])).toList();
    }
}
