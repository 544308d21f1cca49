package org.cofinance.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.access.UserAdminService;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/** The administrator's form creating a user; the password typed is never kept once the form is sent. */
@Named
@ViewScoped
public class NewUserForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UserAdminService users;

    @Inject
    private UserEditor userEditor;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private String username;
    private String displayName;
    private String email;
    private Long organisationId;
    private List<String> roles = new ArrayList<>();
    private String password;

    public void create() {
        UserAdminService.NewUser command = new UserAdminService.NewUser(username, displayName, email,
                organisationId, UserForms.roles(roles), password == null ? null : password.toCharArray());
        if (ui.attempt(errors, () -> users.create(command))) {
            ui.info("admin.userCreated", username);
            username = null;
            displayName = null;
            email = null;
            organisationId = null;
            roles = new ArrayList<>();
            userEditor.refresh();
        }
        password = null;
    }

    public List<String> getRoleNames() {
        return UserForms.roleNames();
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long v) { organisationId = v; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> v) { roles = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
}
