package org.cofinance.application.access;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.domain.model.user.AppUser;
import org.cofinance.domain.model.user.UserRepository;

/** Finds out who is calling: the user the channel authenticated, then his roles and organisation in our store. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Callers {

    private final UserRepository users;

    @Inject
    public Callers(UserRepository users) {
        this.users = users;
    }

    /** For the container's proxies only. */
    protected Callers() {
        this(null);
    }

    /**
     * The signed-in caller: as the channel read him from the store for this call, or read now.
     *
     * @throws AccessDeniedException when nobody known is signed in
     */
    public Caller current() {
        return signedIn().orElseThrow(() -> new AccessDeniedException("no signed-in user"));
    }

    /** The signed-in caller when somebody known is signed in, for what anyone may call and some see more of. */
    public Optional<Caller> signedIn() {
        Optional<Caller> read = SignedInUser.caller();
        if (read.isPresent()) {
            return read;
        }
        return SignedInUser.username().flatMap(name -> users.find(name)).filter(AppUser::isEnabled).map(Caller::of);
    }
}
