package org.cofinance.interfaces.web.open;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;
import org.cofinance.application.opendata.PublicPortalService;

/**
 * The public pages' one bean: the language (French unless {@code lang=en}), the programme and territory chosen, and
 * what the portal shows for them. Plain GET pages: they work without JavaScript and without a session.
 */
@Named
@RequestScoped
public class PublicPage {

    @EJB
    private PublicPortalService portal;

    private String lang;
    private String programme;
    private String territory;
    private PublicPortalService.Portal shown;

    /** What the GET asked: {@code lang}, {@code programme}, {@code territory}. */
    @PostConstruct
    void readRequest() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap();
        lang = parameters.get("lang");
        programme = parameters.get("programme");
        territory = parameters.get("territory");
    }

    public PublicPortalService.Portal getPortal() {
        if (shown == null) {
            shown = portal.portal(programme, territory);
        }
        return shown;
    }

    public Locale getLocale() {
        return isEnglish() ? Locale.ENGLISH : Locale.FRENCH;
    }

    public boolean isEnglish() {
        return "en".equals(lang);
    }

    public String getProgramme() {
        return programme;
    }

    public String getTerritory() {
        return territory;
    }
}
