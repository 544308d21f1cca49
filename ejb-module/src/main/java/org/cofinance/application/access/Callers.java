package org.cofinance.application.access;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.cofinance.application.shared.AccessDeniedException;
import org.cofinance.domain.model.user.AppUser;

/** Finds out who is calling: the user the channel authenticated, then his roles and organisation in our store. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Callers {

    @PersistenceContext
    private EntityManager em;

    /**
     * The signed-in caller: as the channel read him from the store for this call, or read now.
     *
     * @throws AccessDeniedException when nobody known is signed in
     */
    public Caller current() {
        Optional<Caller> read = SignedInUser.caller();
        if (read.isPresent()) {
            return read.get();
        }
        AppUser user = SignedInUser.username().map(name -> em.find(AppUser.class, name)).orElse(null);
        if (user == null || !user.isEnabled()) {
            throw new AccessDeniedException("no signed-in user");
        }
        return Caller.of(user);
    }
}
