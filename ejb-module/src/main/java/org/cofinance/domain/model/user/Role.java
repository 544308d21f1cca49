package org.cofinance.domain.model.user;

/** What a user may do; an APPROVER acts for his organisation only. */
public enum Role {
    OFFICER, APPROVER, FINANCE, ADMIN
}
