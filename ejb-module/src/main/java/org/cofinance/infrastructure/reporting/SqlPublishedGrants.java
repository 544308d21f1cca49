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
 * SIRET, on requests whose convention is signed (contracted or closed), with the schedule's first and last due dates,
 * one row per beneficiary: the lead for what the partners' declared shares leave, then each partner with a share (a
 * beneficiary with neither SIRET nor RNA is left out).
 */
@ApplicationScoped
public class SqlPublishedGrants implements PublishedGrants {

    private static final String QUERY = """
            with beneficiary as (
                select r.id as request_id, r.lead_organisation_id as organisation_id, -1 as position,
                       1 - coalesce((select sum(p.grant_share) from request_partner p where p.request_id = r.id), 0)
                           as share
                from funding_request r
                union all
                select p.request_id, p.organisation_id, p.position, p.grant_share
                from request_partner p
                where p.grant_share is not null)
            select r.reference, c.id, f.name, f.siret,
                   cast(r.convention_signed_at at time zone 'Europe/Paris' as date),
                   l.name, l.siret, l.rna, l.kind, r.title, c.committed,
                   (select min(t.due_on) from tranche t where t.request_id = r.id),
                   (select max(t.due_on) from tranche t where t.request_id = r.id),
                   (select count(*) from tranche t where t.request_id = r.id),
                   g.name, r.territory, g.eu_notified, b.share
            from commitment c
            join funding_request r on r.id = c.request_id
            join programme g on g.id = r.programme_id
            join organisation f on f.id = c.organisation_id
            join beneficiary b on b.request_id = r.id and b.share >= 0.01
            join organisation l on l.id = b.organisation_id
            where r.status in ('CONTRACTED', 'CLOSED') and r.convention_signed_at is not null
              and c.instrument in ('SUBSIDY', 'ADVANCE') and c.status in ('COMMITTED', 'DISBURSED', 'CLOSED')
              and c.committed > 0
              and f.kind in ('CDC', 'STATE', 'REGION', 'DEPARTMENT', 'METROPOLIS', 'MUNICIPALITY')
              and f.siret is not null and (l.siret is not null or l.rna is not null)
              and exists (select 1 from tranche t where t.request_id = r.id)
              and (?1 = '' or f.siret = ?1)
              and (?2 = 0 or extract(year from r.convention_signed_at at time zone 'Europe/Paris') = ?2)
            order by r.convention_signed_at, r.reference, c.id, b.position
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
                ((Number) r[13]).intValue(), (String) r[14], (String) r[15], Boolean.TRUE.equals(r[16]),
                ((BigDecimal) r[17]).setScale(2))).toList();
    }

    /** The CHAR columns (SIRET, RNA) as their digits. */
    private static String trimmed(Object value) {
        return value == null ? null : value.toString().strip();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
