package org.cofinance.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cofinance.domain.model.ledger.Envelope;
import org.cofinance.domain.model.user.Role;
import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportFormat;
import org.cofinance.reports.ReportRenderer;

/** Produces the finance team's reports from read-model queries; finance and administrators only. */
@Stateless
public class ReportService {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ReportRenderer RENDERER = new ReportRenderer();

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Callers callers;

    @Inject
    private Clock clock;

    public record Report(byte[] content, ReportFormat format, String fileName) {
    }

    public Report envelopeStatus(ReportFormat format, Locale locale) {
        callers.current().require(Role.FINANCE, Role.ADMIN);
        List<Map<String, ?>> rows = envelopeStatusRows();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PARIS));
        byte[] content = RENDERER.render(ReportDefinition.ENVELOPE_STATUS, rows, format, locale, "", now);
        return new Report(content, format, "envelope-status." + format.extension());
    }

    /** One row per envelope, each parent followed by its sub-envelopes. */
    private List<Map<String, ?>> envelopeStatusRows() {
        List<Envelope> envelopes = em.createQuery(
                "select e from Envelope e left join e.parent p order by coalesce(p.code, e.code), "
                        + "case when p is null then 0 else 1 end, e.code", Envelope.class).getResultList();
        return envelopes.stream().<Map<String, ?>>map(e -> {
            Map<String, Object> row = new HashMap<>();
            row.put("code", e.code());
            row.put("name", e.name());
            row.put("parent", e.parent().map(Envelope::code).orElse(null));
            row.put("ceiling", e.ceiling().toBigDecimal());
            row.put("reserved", e.reserved().toBigDecimal());
            row.put("committed", e.committed().toBigDecimal());
            row.put("disbursed", e.disbursed().toBigDecimal());
            row.put("available", e.available().toBigDecimal());
            return row;
        }).toList();
    }
}
