package org.cofinance.application;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import org.cofinance.domain.model.user.AppUser;

/** Finds out who is calling: the container's authenticated principal, then his roles and organisation in our store. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Callers {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext ejbContext;

    /** @throws AccessDeniedException when nobody known is signed in */
    public Caller current() {
        Principal principal = ejbContext.getCallerPrincipal();
        AppUser user = principal == null ? null : em.find(AppUser.class, principal.getName());
        if (user == null || !user.isEnabled()) {
            throw new AccessDeniedException("no signed-in user");
        }
        return new Caller(user.username(), user.roles(), user.organisationId());
    }
}
