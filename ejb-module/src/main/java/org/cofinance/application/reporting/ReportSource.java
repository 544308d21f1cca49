package org.cofinance.application.reporting;

import org.cofinance.reports.ReportDefinition;
import org.cofinance.reports.ReportRows;

/**
 * The read model of one report: a projection query that streams the report's rows, keyed by its definition's columns,
 * money as {@code BigDecimal}. Nothing walks entity graphs.
 */
public interface ReportSource {

    ReportDefinition definition();

    /**
     * The rows the filters choose within what the scope lets its caller see, read from a database cursor as the
     * report consumes them: the caller closes them.
     */
    ReportRows rows(ReportFilters filters, ReportScope scope);
}
