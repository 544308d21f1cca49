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
 * The request pipeline: each request by stage, in the order of its life, with its amount, its age in days since
 * submission (since creation for a draft) and its open and late tasks in the process engine.
 */
@ApplicationScoped
public class PipelineSource implements ReportSource {

    private static final String QUERY = """
            select r.reference, r.title, r.territory, r.status,
                   to_char(r.submitted_at at time zone 'Europe/Paris', 'YYYY-MM-DD'),
                   (cast(?2 as date) - cast(coalesce(r.submitted_at, r.created_at) at time zone 'Europe/Paris'
                        as date)),
                   r.eligible_cost,
                   cast((select count(*) from act_ru_task t where t.proc_inst_id_ = r.process_instance_id) as int),
                   cast((select count(*) from act_ru_task t where t.proc_inst_id_ = r.process_instance_id
                         and t.due_date_ < now()) as int),
                   count(*) over ()
            from funding_request r
            where (?1 = '' or r.territory = ?1)
              and (?4 = '' or r.programme_id = (select g.id from programme g where g.code = ?4))
              and (?3 = 0 or exists (select 1 from plan_line l where l.request_id = r.id and l.envelope_id is not null
                                     and l.organisation_id = ?3))
            order by array_position(array['DRAFT', 'SUBMITTED', 'IN_INSTRUCTION', 'IN_ARBITRATION',
                         'AWAITING_DECISIONS', 'TO_REVISE', 'APPROVED', 'CONTRACTED', 'CLOSED', 'INELIGIBLE',
                         'REJECTED', 'LAPSED', 'CANCELLED'], cast(r.status as text)), r.reference
            """;

    @PersistenceContext
    private EntityManager em;

    @Override
    public ReportDefinition definition() {
        return ReportDefinition.PIPELINE;
    }

    @Override
    public ReportRows rows(ReportFilters filters, ReportScope scope) {
        java.time.LocalDate day = filters.at() != null ? filters.at() : java.time.LocalDate.now(Rows.PARIS);
        return Rows.of(em.createNativeQuery(QUERY)
                .setParameter(1, filters.territory() == null ? "" : filters.territory())
                .setParameter(2, java.sql.Date.valueOf(day))
                .setParameter(3, scope.organisationFilter())
                .setParameter(4, filters.programmeFilter()), definition().columns());
    }
}
