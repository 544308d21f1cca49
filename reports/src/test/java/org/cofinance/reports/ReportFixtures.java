package org.cofinance.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows as the application's read models give them, with known totals. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            row.put((String) keyValues[i], value instanceof String s && s.matches("-?\\d+\\.\\d\\d")
                    ? new BigDecimal(s) : value);
        }
        return row;
    }

    static List<Map<String, ?>> envelopes() {
        return List.of(
                envelope("AMI-TIGA", "AMI Territoires d'innovation", null, "500000000.00", "4000000.00",
                        "1234567.89", "0.00"),
                envelope("AMI-TIGA-SUB", "AMI TIGA – subventions", "AMI-TIGA", "350000000.00", "4000000.00",
                        "1234567.89", "0.00"),
                envelope("FONDS-IMMO", "Fonds immobilier", null, "200000000.00", "0.00", "5000000.01",
                        "1500000.00"));
    }

    private static Map<String, ?> envelope(String code, String name, String parent, String ceiling,
                                           String reserved, String committed, String disbursed) {
        Map<String, Object> row = row("code", code, "name", name, "parent", parent, "ceiling", ceiling,
                "reserved", reserved, "committed", committed, "disbursed", disbursed);
        row.put("available", new BigDecimal(ceiling).subtract(new BigDecimal(reserved))
                .subtract(new BigDecimal(committed)));
        return row;
    }

    /** Dijon: 4 M€ public + 3 M€ private (leverage 0.75); Besançon: 1 M€ public + 2 M€ private (leverage 2). */
    static List<Map<String, ?>> commitments() {
        List<Map<String, ?>> rows = new ArrayList<>();
        // each request's whole money, its leads' and partners' own included, rides on its first row
        rows.add(withLeverage(commitment("CF-2026-000001", "Besançon", "CDC", "CDC", "SUBSIDY", "AMI-TIGA-SUB",
                "COMMITTED", "1000000.00", "300000.00", true), "1000000.00", "3000000.00"));
        rows.add(commitment("CF-2026-000001", "Besançon", "Fonds Résidence", "PRIVATE_INVESTOR", "EQUITY",
                "FONDS-IMMO", "COMMITTED", "2000000.00", "0.00", false));
        rows.add(withLeverage(commitment("CF-2026-000002", "Dijon", "CDC", "CDC", "SUBSIDY", "AMI-TIGA-SUB",
                "RESERVED", "2500000.00", "0.00", true), "2000000.00", "3000000.00"));
        rows.add(commitment("CF-2026-000002", "Dijon", "Région BFC", "REGION", "SUBSIDY", "REGION-BFC",
                "COMMITTED", "1500000.00", "450000.00", true));
        rows.add(commitment("CF-2026-000002", "Dijon", "Fonds Résidence", "PRIVATE_INVESTOR", "EQUITY",
                "FONDS-IMMO", "COMMITTED", "3000000.00", "0.00", false));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> withLeverage(Map<String, ?> row, String publicMoney, String privateMoney) {
        Map<String, Object> completed = (Map<String, Object>) row;
        completed.put("leveragePublic", new BigDecimal(publicMoney));
        completed.put("leveragePrivate", new BigDecimal(privateMoney));
        return completed;
    }

    private static Map<String, ?> commitment(String reference, String territory, String funder, String kind,
                                             String instrument, String envelope, String status, String amount,
                                             String disbursed, boolean publicMoney) {
        Map<String, Object> row = row("reference", reference, "territory", territory, "funder", funder,
                "funderKind", kind, "instrument", instrument, "envelope", envelope, "status", status,
                "amount", amount, "disbursed", disbursed);
        row.put("publicMoney", publicMoney);
        return row;
    }

    static List<Map<String, ?>> pipeline() {
        return List.of(
                row("reference", "CF-2026-000003", "project", "Serres urbaines", "territory", "Dijon", "status",
                        "AWAITING_DECISIONS", "submitted", "20/11/2026", "ageDays", 6, "eligibleCost", "800000.00",
                        "openTasks", 3, "lateTasks", 1),
                row("reference", "CF-2026-000004", "project", "Navettes autonomes", "territory", "Besançon",
                        "status", "AWAITING_DECISIONS", "submitted", "25/11/2026", "ageDays", 1, "eligibleCost",
                        "1200000.00", "openTasks", 2, "lateTasks", 0),
                row("reference", "CF-2026-000005", "project", "Campus santé", "territory", "Dijon", "status",
                        "DRAFT", "submitted", null, "ageDays", 0, "eligibleCost", "500000.00", "openTasks", 0,
                        "lateTasks", 0));
    }

    static List<Map<String, ?>> disbursements() {
        return List.of(
                row("quarter", "2026-T3", "reference", "CF-2026-000001", "funder", "CDC", "envelope",
                        "AMI-TIGA-SUB", "status", "PAID", "requested", "02/09/2026", "paid", "15/09/2026", "due",
                        "0.00", "paidAmount", "300000.00"),
                row("quarter", "2026-T4", "reference", "CF-2026-000001", "funder", "CDC", "envelope",
                        "AMI-TIGA-SUB", "status", "REQUESTED", "requested", "20/11/2026", "paid", null, "due",
                        "400000.00", "paidAmount", "0.00"),
                row("quarter", "2026-T4", "reference", "CF-2026-000002", "funder", "Région BFC", "envelope",
                        "REGION-BFC", "status", "PAID", "requested", "01/10/2026", "paid", "10/10/2026", "due",
                        "0.00", "paidAmount", "450000.00"));
    }

    static List<Map<String, ?>> forecast() {
        return List.of(
                row("year", 2026, "envelope", "AMI-TIGA-SUB", "funder", "CDC", "scheduled", "1200000.00", "paid",
                        "1200000.00", "paymentCredits", "5000000.00"),
                row("year", 2027, "envelope", "AMI-TIGA-SUB", "funder", "CDC", "scheduled", "1600000.00", "paid",
                        "0.00", "paymentCredits", null),
                row("year", 2027, "envelope", "REGION-BFC", "funder", "Région BFC", "scheduled", "800000.00", "paid",
                        "0.00", "paymentCredits", "2000000.00"));
    }

    static List<Map<String, ?>> impact() {
        return List.of(
                row("programme", "AMI-TIGA", "territory", "Dijon Métropole", "indicator", "JOBS", "unit", "ETP",
                        "target", "40.00", "actual", "12.50"),
                row("programme", "AMI-TIGA", "territory", "Dijon Métropole", "indicator", "COMPANIES", "unit",
                        "number", "target", "5.00", "actual", null),
                row("programme", "RESIDENCE-300", "territory", "Dijon Métropole", "indicator", "RESEARCHERS", "unit",
                        "persons", "target", "300.00", "actual", "120.00"));
    }

    static List<Map<String, ?>> leverage() {
        return List.of(
                row("programme", "AMI-TIGA", "territory", "Besançon", "public", "1000000.00", "private", "2000000.00",
                        "leverage", "2.00"),
                row("programme", "AMI-TIGA", "territory", "Dijon", "public", "0.00", "private", "500000.00",
                        "leverage", null),
                row("programme", "RESIDENCE-300", "territory", "Dijon", "public", "6000000.00", "private",
                        "6000000.00", "leverage", "1.00"));
    }

    static List<Map<String, ?>> requestSheet() {
        return List.of(
                row("section", "plan", "label", "CDC", "detail", "SUBSIDY · AMI-TIGA-SUB", "amount", "4000000.00"),
                row("section", "plan", "label", "Agrinova SAS", "detail", "SELF_FUNDING", "amount", "3000000.00"),
                row("section", "decisions", "label", "CDC", "detail", "APPROVE · cdc · 26/11/2026", "amount", null),
                row("section", "commitments", "label", "CDC", "detail", "COMMITTED · AMI-TIGA-SUB", "amount",
                        "4000000.00"));
    }

    static List<Map<String, ?>> convention() {
        return List.of(
                row("section", "preamble", "label", "Résidence de 300 chercheurs", "detail", "Le présent acte…",
                        "amount", null),
                row("section", "parties", "label", "Caisse des Dépôts", "detail", "Financeur · SIRET 18002002600019",
                        "amount", null),
                row("section", "parties", "label", "Agrinova SAS", "detail", "Porteur du projet", "amount", null),
                row("section", "parties", "label", "Université de Bourgogne", "detail", "Partenaire de la coalition",
                        "amount", null),
                row("section", "plan", "label", "Caisse des Dépôts", "detail", "SUBSIDY · AMI-TIGA-SUB · 57,14 %",
                        "amount", "4000000.00"),
                row("section", "plan", "label", "Agrinova SAS", "detail", "SELF_FUNDING · 42,86 %", "amount",
                        "3000000.00"),
                row("section", "schedule", "label", "À la signature", "detail", "30,00 % de chaque engagement",
                        "amount", null),
                row("section", "commitments", "label", "Caisse des Dépôts", "detail", "SUBSIDY · AMI-TIGA-SUB",
                        "amount", "4000000.00"),
                row("section", "signatures", "label", "Pour Caisse des Dépôts", "detail",
                        "Nom et qualité : ______   Date : ___/___/______   Signature :", "amount", null),
                row("section", "signatures", "label", "Pour Université de Bourgogne", "detail",
                        "Nom et qualité : ______   Date : ___/___/______   Signature :", "amount", null));
    }

    static List<Map<String, ?>> audit() {
        return List.of(
                row("at", "2026-11-26 08:00:00", "event", "AMEND", "reference", null, "envelope", "AMI-TIGA",
                        "organisation", null, "amount", "500000000.00", "author", "admin", "detail",
                        "opening ceiling"),
                row("at", "2026-11-26 09:00:00", "event", "RESERVE", "reference", "CF-2026-000002", "envelope",
                        "AMI-TIGA-SUB", "organisation", "CDC", "amount", "2500000.00", "author", "officer",
                        "detail", null),
                row("at", "2026-11-26 10:00:00", "event", "DECISION APPROVE", "reference", "CF-2026-000002",
                        "envelope", null, "organisation", "Région BFC", "amount", null, "author", "region",
                        "detail", "avis favorable, \"sous réserve\""));
    }
}
