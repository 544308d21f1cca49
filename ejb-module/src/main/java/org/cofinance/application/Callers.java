package org.cofinance.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.cofinance.domain.model.user.AppUser;

/** Finds out who is calling: the user the channel authenticated, then his roles and organisation in our store. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Callers {

    @PersistenceContext
    private EntityManager em;

    /** @throws AccessDeniedException when nobody known is signed in */
    public Caller current() {
        AppUser user = SignedInUser.username().map(name -> em.find(AppUser.class, name)).orElse(null);
        if (user == null || !user.isEnabled()) {
            throw new AccessDeniedException("no signed-in user");
        }
        return new Caller(user.username(), user.roles(), user.organisationId());
    }
}
