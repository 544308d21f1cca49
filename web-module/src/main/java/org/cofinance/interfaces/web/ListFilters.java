package org.cofinance.interfaces.web;

import java.io.Serializable;

/**
 * The filters the lists share — programme, territory, theme, envelope, funder — as the user typed or chose them, kept with the
 * page ({@code WEB-INF/includes/list-filters.xhtml} draws them). A blank choice filters nothing.
 */
public class ListFilters implements Serializable {

    private static final long serialVersionUID = 1L;

    private String programme;
    private String territory;
    private String theme;
    private String envelopeCode;
    private Long funderId;

    /** What the user typed or chose, blank as null. */
    public String territoryOrNull() {
        return blankToNull(territory);
    }

    public String programmeOrNull() {
        return blankToNull(programme);
    }

    public String getProgramme() {
        return programme;
    }

    public void setProgramme(String programme) {
        this.programme = programme;
    }

    public String themeOrNull() {
        return blankToNull(theme);
    }

    public String envelopeCodeOrNull() {
        return blankToNull(envelopeCode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public String getEnvelopeCode() {
        return envelopeCode;
    }

    public void setEnvelopeCode(String envelopeCode) {
        this.envelopeCode = envelopeCode;
    }

    public Long getFunderId() {
        return funderId;
    }

    public void setFunderId(Long funderId) {
        this.funderId = funderId;
    }
}
