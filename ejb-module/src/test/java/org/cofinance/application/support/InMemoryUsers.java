package org.cofinance.application.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.Role;
import org.cofinance.domain.model.user.UserEvent;
import org.cofinance.domain.model.user.UserRepository;

/** The identity store kept in memory, by user name. */
public final class InMemoryUsers implements UserRepository {

    private final Map<String, AppUser> users = new TreeMap<>();
    private final List<UserEvent> events = new ArrayList<>();

    @Override
    public Optional<AppUser> find(String username) {
        return Optional.ofNullable(username == null ? null : users.get(username));
    }

    @Override
    public List<AppUser> list() {
        return List.copyOf(users.values());
    }

    @Override
    public List<AppUser> enabled() {
        return users.values().stream().filter(AppUser::isEnabled).sorted(Comparator.comparing(AppUser::username))
                .toList();
    }

    @Override
    public List<String> emailsOf(Role role, Long organisationId) {
        return users.values().stream().filter(u -> u.isEnabled() && u.roles().contains(role) && u.email() != null)
                .filter(u -> organisationId == null || organisationId.equals(u.organisationId()))
                .map(AppUser::email).toList();
    }

    @Override
    public List<AppUser> withEmail(String email) {
        return users.values().stream().filter(u -> u.email() != null && u.email().equalsIgnoreCase(email)).toList();
    }

    @Override
    public void add(AppUser user) {
        users.put(user.username(), user);
    }

    @Override
    public void record(UserEvent event) {
        events.add(event);
    }

    /** The administrators' acts recorded, oldest first. */
    public List<UserEvent> events() {
        return List.copyOf(events);
    }
}
