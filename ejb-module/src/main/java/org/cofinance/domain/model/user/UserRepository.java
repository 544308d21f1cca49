package org.cofinance.domain.model.user;

import java.util.List;
import java.util.Optional;

/** The identity store: the application's users. */
public interface UserRepository {

    Optional<AppUser> find(String username);

    /** Every user, by user name. */
    List<AppUser> list();

    /** The enabled users, by user name. */
    List<AppUser> enabled();

    /** The e-mail addresses of the enabled users holding the role (in the organisation, when it is not null). */
    List<String> emailsOf(Role role, Long organisationId);

    /** The users, enabled or not, whose e-mail address is this one (letter case aside). */
    List<AppUser> withEmail(String email);

    void add(AppUser user);

    /** Keeps an administrator's act on a user's access, for the audit. */
    void record(UserEvent event);
}
