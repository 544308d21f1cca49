package org.cofinance.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import org.cofinance.application.access.SignInService;
import org.cofinance.interfaces.http.ClientAddress;
import org.cofinance.interfaces.sso.OidcProvider;

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

    @Inject
    private OidcProvider provider;

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
        String username = (String) context.getSessionMap().get(SessionKeys.USER);
        if (username != null) {
            signIn.signedOut(username, ClientAddress.of(request));
        }
        String idToken = (String) context.getSessionMap().get(SessionKeys.ID_TOKEN);
        context.invalidateSession();
        String login = context.getRequestContextPath() + "/login.xhtml?signedOut=true";
        if (idToken != null && provider.isConfigured()) {
            // signed in at the provider: signed out there too, which brings the browser back to the login page; by
            // a page of ours, since the pages' policy (form-action 'self') lets no form post end at another site
            URI back = URI.create(SsoServlet.origin(request) + login);
            URI atProvider = provider.endSession(idToken, back).orElse(back);
            request.getSession(true).setAttribute(SessionKeys.PROVIDER_SIGN_OUT, atProvider.toString());
            context.redirect(context.getRequestContextPath() + "/sso/signed-out");
        } else {
            context.redirect(login);
        }
    }
}
