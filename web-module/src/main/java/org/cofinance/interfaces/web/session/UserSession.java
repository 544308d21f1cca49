package org.cofinance.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import org.cofinance.application.access.SignInService;
import org.cofinance.interfaces.http.ClientAddress;

/**
 * The browser's session: the language chosen (French unless the user switches) and the sign-out. The signed-in
 * user name itself is a plain session attribute that {@link PageAuthenticationFilter} reads; the session holds
 * nothing else, so that a cluster can replicate it cheaply.
 */
@Named
@SessionScoped
public class UserSession implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SignInService signIn;

    private String language = "fr";

    public Locale getLocale() {
        return Locale.forLanguageTag(language);
    }

    public String getLanguage() {
        return language;
    }

    public String switchLanguage() {
        language = "fr".equals(language) ? "en" : "fr";
        FacesContext.getCurrentInstance().getViewRoot().setLocale(getLocale());
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
    }

    public void signOut() throws IOException {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        String username = (String) context.getSessionMap().get(PageAuthenticationFilter.USER);
        if (username != null) {
            signIn.signedOut(username, ClientAddress.of(request));
        }
        context.invalidateSession();
        context.redirect(context.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
