package org.cofinance.application.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One grant as it is published, for one of its beneficiaries: a commitment of a public organisation with a SIRET (a
 * subsidy or an advance) on a request whose convention is signed, and a member of the coalition that receives a
 * share of it — the lead (the whole grant, or what the partners' declared shares leave) or a partner with a share.
 *
 * @param beneficiaryCompany whether the beneficiary is a company (registered at the RCS)
 * @param amount             what the commitment holds now (amendments included)
 * @param firstPayment       the due date of the schedule's first tranche
 * @param lastPayment        the due date of its last tranche
 * @param tranches           how many tranches the schedule has
 * @param programme          the programme the request answered (dispositif d'aide)
 * @param euNotified         whether the programme's aid is notified to the European Commission
 * @param beneficiaryShare   the beneficiary's share of the grant, 0.01 to 1.00
 */
public record PublishedGrant(String reference, Long commitmentId, String funderName, String funderSiret,
                             LocalDate conventionDate, String beneficiaryName, String beneficiarySiret,
                             String beneficiaryRna, boolean beneficiaryCompany, String object, BigDecimal amount, LocalDate firstPayment,
                             LocalDate lastPayment, int tranches, String programme, String territory,
                             boolean euNotified, BigDecimal beneficiaryShare) {

    /** Whether this beneficiary receives the whole grant. */
    public boolean isWhole() {
        return beneficiaryShare.compareTo(BigDecimal.ONE) == 0;
    }
}
