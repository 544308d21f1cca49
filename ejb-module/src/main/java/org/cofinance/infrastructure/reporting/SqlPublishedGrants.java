package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.application.opendata.PublishedGrant;
import org.cofinance.application.opendata.PublishedGrants;

/**
 * The published grants from the database: commitments of subsidies and advances of a public organisation with a
 * SIRET, on requests whose convention is signed (contracted or closed), with the schedule's first and last due dates.
 */
@ApplicationScoped
public class SqlPublishedGrants implements PublishedGrants {

    private static final String QUERY = """
            select r.reference, c.id, f.name, f.siret,
                   cast(r.convention_signed_at at time zone 'Europe/Paris' as date),
                   l.name, l.siret, l.rna, l.kind, r.title, c.committed,
                   (select min(t.due_on) from tranche t where t.request_id = r.id),
                   (select max(t.due_on) from tranche t where t.request_id = r.id),
                   (select count(*) from tranche t where t.request_id = r.id),
                   coalesce(p.name, e.name), r.territory
            from commitment c
            join funding_request r on r.id = c.request_id
            join organisation f on f.id = c.organisation_id
            join organisation l on l.id = r.lead_organisation_id
            join envelope e on e.id = c.envelope_id
            left join envelope p on p.id = e.parent_id
            where r.status in ('CONTRACTED', 'CLOSED') and r.convention_signed_at is not null
              and c.instrument in ('SUBSIDY', 'ADVANCE') and c.status in ('COMMITTED', 'DISBURSED', 'CLOSED')
              and c.committed > 0
              and f.kind in ('CDC', 'STATE', 'REGION', 'DEPARTMENT', 'METROPOLIS', 'MUNICIPALITY')
              and f.siret is not null and (l.siret is not null or l.rna is not null)
              and exists (select 1 from tranche t where t.request_id = r.id)
              and (?1 = '' or f.siret = ?1)
              and (?2 = 0 or extract(year from r.convention_signed_at at time zone 'Europe/Paris') = ?2)
            order by r.convention_signed_at, r.reference, c.id
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<PublishedGrant> signed(String siret, Integer year) {
        List<Object[]> rows = em.createNativeQuery(QUERY).setParameter(1, siret == null ? "" : siret)
                .setParameter(2, year == null ? 0 : year).getResultList();
        return rows.stream().map(r -> new PublishedGrant((String) r[0], ((Number) r[1]).longValue(),
                (String) r[2], trimmed(r[3]), day(r[4]), (String) r[5], trimmed(r[6]), trimmed(r[7]),
                "COMPANY".equals(r[8]), (String) r[9], (BigDecimal) r[10], day(r[11]), day(r[12]),
                ((Number) r[13]).intValue(), (String) r[14], (String) r[15])).toList();
    }

    /** The CHAR columns (SIRET, RNA) as their digits. */
    private static String trimmed(Object value) {
        return value == null ? null : value.toString().strip();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
