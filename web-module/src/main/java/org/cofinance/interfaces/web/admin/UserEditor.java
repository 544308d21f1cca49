package org.cofinance.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cofinance.application.access.UserAdminService;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/** The users of the identity store, and the administrator's form changing one's roles, organisation and password. */
@Named
@ViewScoped
public class UserEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UserAdminService users;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private List<UserAdminService.UserView> userList;
    private String editedUser;
    private List<String> editedRoles = new ArrayList<>();
    private Long editedOrganisationId;
    private boolean editedEnabled;
    private String newPassword;

    public List<UserAdminService.UserView> getUsers() {
        if (userList == null) {
            userList = users.list();
        }
        return userList;
    }

    /** Reads the users again at the next rendering (one was created or changed). */
    void refresh() {
        userList = null;
    }

    public void edit(UserAdminService.UserView user) {
        editedUser = user.username();
        editedRoles = user.roles().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        editedOrganisationId = user.organisationId();
        editedEnabled = user.enabled();
        newPassword = null;
    }

    public void save() {
        if (ui.attempt(errors, () -> users.reassign(editedUser, UserForms.roles(editedRoles), editedOrganisationId,
                editedEnabled))) {
            if (newPassword != null && !newPassword.isEmpty()) {
                if (!ui.attempt(errors, () -> users.resetPassword(editedUser, newPassword.toCharArray()))) {
                    newPassword = null;
                    return;
                }
            }
            ui.info("admin.userSaved", editedUser);
            editedUser = null;
            refresh();
        }
        newPassword = null;
    }

    public List<String> getRoles() {
        return UserForms.roleNames();
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getEditedUser() { return editedUser; }
    public List<String> getEditedRoles() { return editedRoles; }
    public void setEditedRoles(List<String> v) { editedRoles = v; }
    public Long getEditedOrganisationId() { return editedOrganisationId; }
    public void setEditedOrganisationId(Long v) { editedOrganisationId = v; }
    public boolean isEditedEnabled() { return editedEnabled; }
    public void setEditedEnabled(boolean v) { editedEnabled = v; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String v) { newPassword = v; }
}
