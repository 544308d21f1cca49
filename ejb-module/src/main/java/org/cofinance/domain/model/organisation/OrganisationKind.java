package org.cofinance.domain.model.organisation;

/** The legal nature of an organisation; it decides whether its money is public and whether it is a local authority. */
public enum OrganisationKind {
    CDC(true, false),
    STATE(true, false),
    REGION(true, true),
    DEPARTMENT(true, true),
    /** A metropolis or another EPCI (établissement public de coopération intercommunale). */
    METROPOLIS(true, true),
    MUNICIPALITY(true, true),
    PRIVATE_INVESTOR(false, false),
    COMPANY(false, false),
    RESEARCH(false, false),
    ASSOCIATION(false, false),
    EU(true, false);

    private final boolean publicMoney;
    private final boolean localAuthority;

    OrganisationKind(boolean publicMoney, boolean localAuthority) {
        this.publicMoney = publicMoney;
        this.localAuthority = localAuthority;
    }

    public boolean isPublicMoney() {
        return publicMoney;
    }

    public boolean isLocalAuthority() {
        return localAuthority;
    }
}
