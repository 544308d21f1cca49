package org.cofinance.infrastructure.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cofinance.application.ledger.Forecasts;
import org.cofinance.domain.model.request.Tranche;
import org.cofinance.domain.model.shared.Money;

/**
 * The forecast from the database: the tranches of the signed conventions beside the commitments they pay (split by
 * {@link Tranche#schedule}, as the payments are), the DISBURSE entries year by year (Paris time), and the payment
 * credits as last set.
 */
@ApplicationScoped
public class SqlForecasts implements Forecasts {

    /** The envelope, the funder and the scope: parameters 1 to 3, the same in the three queries (4: territory). */
    private static final String FILTERS = """
              and (?1 = '' or e.code = ?1 or p.code = ?1)
              and (?2 = 0 or o.id = ?2)
              and (?3 = 0 or o.id = ?3)
            """;

    private static final String SCHEDULED = """
            select c.id, c.committed, e.code, o.name, t.share, t.due_on
            from commitment c
            join funding_request r on r.id = c.request_id
            join tranche t on t.request_id = r.id
            join organisation o on o.id = c.organisation_id
            join envelope e on e.id = c.envelope_id
            left join envelope p on p.id = e.parent_id
            where r.status in ('CONTRACTED', 'CLOSED') and c.status in ('COMMITTED', 'DISBURSED', 'CLOSED')
              and (?4 = '' or r.territory = ?4)
            """ + FILTERS + """
            order by c.id, t.position
            """;

    private static final String PAID = """
            select cast(extract(year from l.at at time zone 'Europe/Paris') as integer), e.code, o.name, sum(l.amount)
            from ledger_entry l
            join commitment c on c.id = l.commitment_id
            join funding_request r on r.id = c.request_id
            join organisation o on o.id = c.organisation_id
            join envelope e on e.id = l.envelope_id
            left join envelope p on p.id = e.parent_id
            where l.kind = 'DISBURSE' and (?4 = '' or r.territory = ?4)
            """ + FILTERS + """
            group by 1, 2, 3
            """;

    /** Credits are the envelope owner's: the funder filter and the scope apply to the owner; no territory. */
    private static final String CREDITS = """
            select distinct on (pc.envelope_id, pc.year) pc.year, e.code, o.name, pc.amount
            from payment_credit pc
            join envelope e on e.id = pc.envelope_id
            join organisation o on o.id = e.owner_organisation_id
            left join envelope p on p.id = e.parent_id
            where true
            """ + FILTERS + """
            order by pc.envelope_id, pc.year, pc.id desc
            """;

    @PersistenceContext
    private EntityManager em;

    private record Key(int year, String envelope, String funder) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byYear = Integer.compare(year, other.year);
            if (byYear != 0) {
                return byYear;
            }
            int byEnvelope = envelope.compareTo(other.envelope);
            return byEnvelope != 0 ? byEnvelope : funder.compareTo(other.funder);
        }
    }

    private static final class Sums {
        private Money scheduled = Money.ZERO;
        private Money paid = Money.ZERO;
    }

    @Override
    public List<Line> lines(Criteria criteria) {
        Map<Key, Sums> sums = new TreeMap<>();
        addScheduled(criteria, sums);
        for (Object[] r : rows(PAID, criteria)) {
            sums.computeIfAbsent(new Key(((Number) r[0]).intValue(), (String) r[1], (String) r[2]), k -> new Sums())
                    .paid = Money.of((BigDecimal) r[3]);
        }
        Map<Key, Money> credits = new TreeMap<>();
        for (Object[] r : rows(CREDITS, criteria)) {
            int year = ((Number) r[0]).intValue();
            credits.put(new Key(year, (String) r[1], ""), Money.of((BigDecimal) r[3]));
            boolean anyLine = sums.keySet().stream().anyMatch(k -> k.year() == year && k.envelope().equals(r[1]));
            if (!anyLine) {
                sums.put(new Key(year, (String) r[1], (String) r[2]), new Sums());
            }
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((key, s) -> lines.add(new Line(key.year(), key.envelope(), key.funder(), s.scheduled, s.paid,
                credits.get(new Key(key.year(), key.envelope(), "")))));
        return lines;
    }

    /** Each commitment's tranches, split as they are paid, added to the year each is due. */
    private void addScheduled(Criteria criteria, Map<Key, Sums> sums) {
        List<Object[]> rows = rows(SCHEDULED, criteria);
        int start = 0;
        while (start < rows.size()) {
            int end = start;
            Object commitment = rows.get(start)[0];
            while (end < rows.size() && rows.get(end)[0].equals(commitment)) {
                end++;
            }
            List<Object[]> tranches = rows.subList(start, end);
            List<Money> amounts = Tranche.schedule(Money.of((BigDecimal) tranches.get(0)[1]),
                    tranches.stream().map(r -> (BigDecimal) r[4]).toList());
            for (int i = 0; i < tranches.size(); i++) {
                Object[] r = tranches.get(i);
                Sums s = sums.computeIfAbsent(new Key(dayOf(r[5]).getYear(), (String) r[2], (String) r[3]),
                        k -> new Sums());
                s.scheduled = s.scheduled.plus(amounts.get(i));
            }
            start = end;
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Criteria criteria) {
        Query query = em.createNativeQuery(sql)
                .setParameter(1, criteria.envelopeCode() == null ? "" : criteria.envelopeCode())
                .setParameter(2, criteria.funderId() == null ? 0L : criteria.funderId())
                .setParameter(3, criteria.organisationFilter());
        if (sql.contains("?4")) {
            query.setParameter(4, criteria.territory() == null ? "" : criteria.territory());
        }
        return query.getResultList();
    }

    private static LocalDate dayOf(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
