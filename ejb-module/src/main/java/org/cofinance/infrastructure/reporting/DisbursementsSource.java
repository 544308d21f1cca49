package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cofinance.application.reporting.ReportFilters;
import org.cofinance.application.reporting.ReportScope;
import org.cofinance.application.reporting.ReportSource;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/**
 * The disbursement schedule by quarter: tranches asked and not yet validated (due) in the quarter they were asked,
 * tranches paid in the quarter they were paid, and money paid back (recoveries received) in the quarter it came back,
 * as a negative paid amount. Refused tranches are left out.
 */
@ApplicationScoped
public class DisbursementsSource implements ReportSource {

    private static final String QUERY = """
            select to_char(a.day, 'YYYY') || '-T' || to_char(a.day, 'Q'), a.reference, a.funder, a.envelope,
                   a.status, a.requested, a.paid, a.due, a.paid_amount,
                   count(*) over ()
            from (
                select coalesce(d.decided_at, d.requested_at) at time zone 'Europe/Paris' as day,
                       coalesce(d.decided_at, d.requested_at) as at, d.id, r.reference, o.name as funder,
                       e.code as envelope, p.code as parent, r.territory, r.programme_id, o.id as funder_id, d.status,
                       to_char(d.requested_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as requested,
                       case when d.status = 'PAID'
                            then to_char(d.decided_at at time zone 'Europe/Paris', 'YYYY-MM-DD') end as paid,
                       case when d.status = 'REQUESTED' then d.amount else 0 end as due,
                       case when d.status = 'PAID' then d.amount else 0 end as paid_amount
                from disbursement d
                join commitment c on c.id = d.commitment_id
                join funding_request r on r.id = c.request_id
                join organisation o on o.id = c.organisation_id
                join envelope e on e.id = c.envelope_id
                left join envelope p on p.id = e.parent_id
                where d.status <> 'REFUSED'
                union all
                select v.decided_at at time zone 'Europe/Paris', v.decided_at, v.id, r.reference, o.name, e.code,
                       p.code, r.territory, r.programme_id, o.id, v.status,
                       to_char(v.issued_at at time zone 'Europe/Paris', 'YYYY-MM-DD'),
                       to_char(v.decided_at at time zone 'Europe/Paris', 'YYYY-MM-DD'), 0, -v.amount
                from recovery v
                join commitment c on c.id = v.commitment_id
                join funding_request r on r.id = c.request_id
                join organisation o on o.id = c.organisation_id
                join envelope e on e.id = c.envelope_id
                left join envelope p on p.id = e.parent_id
                where v.status = 'RECOVERED'
            ) a
            where a.at >= ?1 and a.at < ?2
              and (?3 = '' or a.territory = ?3)
              and (?4 = '' or a.envelope = ?4 or a.parent = ?4)
              and (?5 = 0 or a.funder_id = ?5)
              and (?6 = 0 or a.funder_id = ?6)
              and (?7 = '' or a.programme_id = (select g.id from programme g where g.code = ?7))
            order by a.day, a.reference, a.status, a.id
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.DISBURSEMENTS;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        return Rows.of(em.createNativeQuery(QUERY)
                .setParameter(1, Rows.startOf(filters.from()))
                .setParameter(2, Rows.endOf(filters.to()))
                .setParameter(3, filters.territory() == null ? "" : filters.territory())
                .setParameter(4, filters.envelopeCode() == null ? "" : filters.envelopeCode())
                .setParameter(5, filters.funderId() == null ? 0L : filters.funderId())
                .setParameter(6, scope.organisationFilter())
                .setParameter(7, filters.programmeFilter()), definition().columns());
    }
}
