package org.cofinance.application.reporting;

import java.util.List;
import java.util.Map;
import org.cofinance.reports.ReportDefinition;

/**
 * The read model of one report: a projection query that gives the report's rows, keyed by its definition's columns,
 * money as {@code BigDecimal}. Nothing walks entity graphs.
 */
public interface ReportSource {

    ReportDefinition definition();

    List<Map<String, ?>> rows(ReportFilters filters);
}
