package org.cofinance.reports;

/**
 * Text that a spreadsheet would read as a formula is written with a leading apostrophe: a title typed as
 * {@code =HYPERLINK(...)} stays text when a finance officer opens the CSV or XLSX export (CWE-1236). Numbers are
 * never passed through here, so a negative amount stays a number.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + text : text;
    }
}
