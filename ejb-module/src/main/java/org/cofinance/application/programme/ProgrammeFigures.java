package org.cofinance.application.programme;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.cofinance.application.reporting.ReportScope;

/**
 * The read model of a programme's dashboard: what its requests consume of each envelope, its pipeline by stage, its
 * leverage by territory and its impact against the targets — each within the caller's scope (a finance team: the
 * requests its organisation funds, its own envelopes), optionally in one territory.
 */
public interface ProgrammeFigures {

    /** What the programme's requests hold of one envelope, beside its ceiling. */
    record EnvelopeUse(String code, String name, BigDecimal ceiling, BigDecimal reserved, BigDecimal committed,
                       BigDecimal disbursed) implements Serializable {
    }

    /** The requests at one stage: how many, and their eligible cost. */
    record Stage(String status, long count, BigDecimal amount) implements Serializable {
    }

    /** Public and private money of a territory's requests, and private euros per public euro (null without public). */
    record TerritoryLeverage(String territory, BigDecimal publicMoney, BigDecimal privateMoney, BigDecimal leverage)
            implements Serializable {
    }

    /** The targets declared and the latest actuals reported on one indicator, summed (actual null: none yet). */
    record IndicatorProgress(String code, String unit, BigDecimal target, BigDecimal actual) implements Serializable {
    }

    List<EnvelopeUse> envelopes(String programme, String territory, ReportScope scope);

    /** The stages in the order of a request's life. */
    List<Stage> pipeline(String programme, String territory, ReportScope scope);

    List<TerritoryLeverage> leverage(String programme, String territory, ReportScope scope);

    List<IndicatorProgress> impact(String programme, String territory, ReportScope scope);
}
