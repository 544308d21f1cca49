package org.cofinance.domain.model.user;

/**
 * What a user may do; an APPROVER acts for his organisation only; a SUPERVISOR of an organisation is its escalation
 * group: he is told of its late decisions and sees its requests.
 */
public enum Role {
    OFFICER, APPROVER, FINANCE, ADMIN, SUPERVISOR
}
