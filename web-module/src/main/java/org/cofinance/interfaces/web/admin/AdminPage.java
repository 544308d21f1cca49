package org.cofinance.interfaces.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cofinance.application.access.UserAdminService;
import org.cofinance.application.ledger.EnvelopeService;
import org.cofinance.application.organisation.OrganisationService;
import org.cofinance.domain.model.user.Role;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.Ui;

/** The administrator's page: organisations, users with their roles and organisation, envelopes and amendments. */
@Named
@ViewScoped
public class AdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private OrganisationService organisations;

    @EJB
    private UserAdminService users;

    @EJB
    private EnvelopeService envelopes;

    @Inject
    private Ui ui;

    private final FieldErrors organisationErrors = new FieldErrors();
    private final FieldErrors userErrors = new FieldErrors();
    private final FieldErrors envelopeErrors = new FieldErrors();
    private final FieldErrors amendmentErrors = new FieldErrors();
    private final String amendmentKey = "ui-" + UUID.randomUUID();

    private String organisationName;
    private String organisationKind;
    private String organisationSiret;

    private String username;
    private String displayName;
    private String email;
    private Long userOrganisationId;
    private List<String> userRoles = new ArrayList<>();
    private String password;
    private List<UserAdminService.UserView> userList;

    private String editedUser;
    private List<String> editedRoles = new ArrayList<>();
    private Long editedOrganisationId;
    private boolean editedEnabled;
    private String newPassword;

    private String envelopeCode;
    private String envelopeName;
    private Long envelopeOwnerId;
    private String envelopeCeiling;
    private String envelopeParentCode;
    private String envelopeValidFrom;
    private String envelopeValidTo;

    private Long amendedEnvelopeId;
    private String amendedCeiling;
    private String amendmentReason;

    public List<UserAdminService.UserView> getUsers() {
        if (userList == null) {
            userList = users.list();
        }
        return userList;
    }

    public List<String> getRoles() {
        return Arrays.stream(Role.values()).map(Enum::name).toList();
    }

    public void createOrganisation() {
        if (ui.attempt(organisationErrors, () -> organisations.create(organisationName, organisationKind,
                organisationSiret == null || organisationSiret.isBlank() ? null : organisationSiret.strip()))) {
            ui.info("admin.organisationCreated", organisationName);
            organisationName = null;
            organisationKind = null;
            organisationSiret = null;
        }
    }

    public void createUser() {
        UserAdminService.NewUser command = new UserAdminService.NewUser(username, displayName, email,
                userOrganisationId, roles(userRoles), password == null ? null : password.toCharArray());
        if (ui.attempt(userErrors, () -> users.create(command))) {
            ui.info("admin.userCreated", username);
            username = null;
            displayName = null;
            email = null;
            userOrganisationId = null;
            userRoles = new ArrayList<>();
            userList = null;
        }
        password = null;
    }

    public void edit(UserAdminService.UserView user) {
        editedUser = user.username();
        editedRoles = user.roles().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
        editedOrganisationId = user.organisationId();
        editedEnabled = user.enabled();
        newPassword = null;
    }

    public void saveUser() {
        if (ui.attempt(userErrors, () -> users.reassign(editedUser, roles(editedRoles), editedOrganisationId,
                editedEnabled))) {
            if (newPassword != null && !newPassword.isEmpty()) {
                if (!ui.attempt(userErrors, () -> users.resetPassword(editedUser, newPassword.toCharArray()))) {
                    newPassword = null;
                    return;
                }
            }
            ui.info("admin.userSaved", editedUser);
            editedUser = null;
            userList = null;
        }
        newPassword = null;
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    public void createEnvelope() {
        EnvelopeService.NewEnvelope command = new EnvelopeService.NewEnvelope(envelopeCode, envelopeName,
                envelopeOwnerId, Ui.amountOf(envelopeCeiling), blankToNull(envelopeParentCode),
                blankToNull(envelopeValidFrom), blankToNull(envelopeValidTo));
        if (ui.attempt(envelopeErrors, () -> envelopes.create(command))) {
            ui.info("admin.envelopeCreated", envelopeCode);
            envelopeCode = null;
            envelopeName = null;
            envelopeOwnerId = null;
            envelopeCeiling = null;
            envelopeParentCode = null;
            envelopeValidFrom = null;
            envelopeValidTo = null;
        }
    }

    public void amendEnvelope() {
        String ceiling = Ui.amountOf(amendedCeiling);
        if (ui.attempt(amendmentErrors, () -> envelopes.amend(amendedEnvelopeId, ceiling, amendmentReason,
                amendmentKey + "-" + amendedEnvelopeId + "-" + ceiling))) {
            ui.info("admin.envelopeAmended");
            amendedCeiling = null;
            amendmentReason = null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public FieldErrors getOrganisationErrors() {
        return organisationErrors;
    }

    public FieldErrors getUserErrors() {
        return userErrors;
    }

    public FieldErrors getEnvelopeErrors() {
        return envelopeErrors;
    }

    public FieldErrors getAmendmentErrors() {
        return amendmentErrors;
    }

    public List<String> getKinds() {
        return Arrays.stream(org.cofinance.domain.model.organisation.OrganisationKind.values()).map(Enum::name)
                .toList();
    }

    // form fields

    public String getOrganisationName() { return organisationName; }
    public void setOrganisationName(String v) { organisationName = v; }
    public String getOrganisationKind() { return organisationKind; }
    public void setOrganisationKind(String v) { organisationKind = v; }
    public String getOrganisationSiret() { return organisationSiret; }
    public void setOrganisationSiret(String v) { organisationSiret = v; }
    public String getUsername() { return username; }
    public void setUsername(String v) { username = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public Long getUserOrganisationId() { return userOrganisationId; }
    public void setUserOrganisationId(Long v) { userOrganisationId = v; }
    public List<String> getUserRoles() { return userRoles; }
    public void setUserRoles(List<String> v) { userRoles = v; }
    public String getPassword() { return password; }
    public void setPassword(String v) { password = v; }
    public String getEditedUser() { return editedUser; }
    public List<String> getEditedRoles() { return editedRoles; }
    public void setEditedRoles(List<String> v) { editedRoles = v; }
    public Long getEditedOrganisationId() { return editedOrganisationId; }
    public void setEditedOrganisationId(Long v) { editedOrganisationId = v; }
    public boolean isEditedEnabled() { return editedEnabled; }
    public void setEditedEnabled(boolean v) { editedEnabled = v; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String v) { newPassword = v; }
    public String getEnvelopeCode() { return envelopeCode; }
    public void setEnvelopeCode(String v) { envelopeCode = v; }
    public String getEnvelopeName() { return envelopeName; }
    public void setEnvelopeName(String v) { envelopeName = v; }
    public Long getEnvelopeOwnerId() { return envelopeOwnerId; }
    public void setEnvelopeOwnerId(Long v) { envelopeOwnerId = v; }
    public String getEnvelopeCeiling() { return envelopeCeiling; }
    public void setEnvelopeCeiling(String v) { envelopeCeiling = v; }
    public String getEnvelopeParentCode() { return envelopeParentCode; }
    public void setEnvelopeParentCode(String v) { envelopeParentCode = v; }
    public String getEnvelopeValidFrom() { return envelopeValidFrom; }
    public void setEnvelopeValidFrom(String v) { envelopeValidFrom = v; }
    public String getEnvelopeValidTo() { return envelopeValidTo; }
    public void setEnvelopeValidTo(String v) { envelopeValidTo = v; }
    public Long getAmendedEnvelopeId() { return amendedEnvelopeId; }
    public void setAmendedEnvelopeId(Long v) { amendedEnvelopeId = v; }
    public String getAmendedCeiling() { return amendedCeiling; }
    public void setAmendedCeiling(String v) { amendedCeiling = v; }
    public String getAmendmentReason() { return amendmentReason; }
    public void setAmendmentReason(String v) { amendmentReason = v; }
}
