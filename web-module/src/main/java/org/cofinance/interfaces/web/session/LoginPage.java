package org.cofinance.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.cofinance.application.access.SignInService;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.interfaces.http.ClientAddress;
import org.cofinance.interfaces.sso.OidcProvider;
import org.cofinance.interfaces.web.Ui;

/** The login page: signs the user into a new HTTP session (a fresh session id) or says why not. */
@Named
@RequestScoped
public class LoginPage {

    @EJB
    private SignInService signIn;

    @Inject
    private Ui ui;

    @Inject
    private OidcProvider provider;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext context = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) context.getRequest();
        char[] typed = password == null ? new char[0] : password.toCharArray();
        password = null;
        SignInService.Result result = signIn.signIn(username, typed, SignInAttempt.Channel.FORM,
                ClientAddress.of(request));
        switch (result.status()) {
            case SIGNED_IN -> {
                request.getSession(true);
                request.changeSessionId();
                context.getSessionMap().put(SessionKeys.USER, result.username());
                context.getSessionMap().put(SessionKeys.SIGNED_IN_AT, Instant.now());
                if (result.passwordChangeRequired()) {
                    context.getSessionMap().put(SessionKeys.PASSWORD_CHANGE, Boolean.TRUE);
                    context.redirect(context.getRequestContextPath() + SessionKeys.PASSWORD_PAGE);
                } else {
                    context.redirect(context.getRequestContextPath() + SessionKeys.safeNext(next));
                }
            }
            case THROTTLED -> ui.error(null, "login.throttled",
                    Math.max(1, Duration.between(Instant.now(), result.retryAfter()).toMinutes() + 1));
            case REFUSED -> ui.error(null, "login.refused");
        }
    }


    /** Whether the page offers the single sign-on of the configured identity provider. */
    public boolean isSsoEnabled() {
        return provider.isConfigured();
    }

    public String getSsoLabel() {
        return provider.label();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
