package org.cofinance.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.cofinance.application.access.UserAdminService;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/**
 * The signed-in user's change of his own password (the current one, the new one twice); the one way on for a user
 * whose password an administrator set. The passwords typed are never kept once the form is sent.
 */
@Named
@RequestScoped
public class PasswordForm {

    @EJB
    private UserAdminService users;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private String current;
    private String password;
    private String confirmation;

    public void change() throws IOException {
        char[] typed = password == null ? new char[0] : password.toCharArray();
        char[] currentTyped = current == null ? new char[0] : current.toCharArray();
        boolean confirmed = password != null && password.equals(confirmation);
        current = null;
        password = null;
        confirmation = null;
        if (ui.attempt(errors, () -> {
            if (!confirmed) {
                throw ValidationException.of("confirmation", "is the new password typed again");
            }
            users.changeOwnPassword(currentTyped, typed);
        })) {
            ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
            context.getSessionMap().remove(SessionKeys.PASSWORD_CHANGE);
            context.getFlash().setKeepMessages(true);
            ui.info("password.changed");
            context.redirect(context.getRequestContextPath() + "/app/home.xhtml");
        }
    }

    public boolean isRequired() {
        return FacesContext.getCurrentInstance().getExternalContext().getSessionMap()
                .containsKey(SessionKeys.PASSWORD_CHANGE);
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
