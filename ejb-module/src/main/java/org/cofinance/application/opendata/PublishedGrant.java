package org.cofinance.application.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One grant as it is published: a commitment of a public organisation with a SIRET (a subsidy or an advance) on a
 * request whose convention is signed, and the request's lead as its beneficiary.
 *
 * @param beneficiaryCompany whether the beneficiary is a company (registered at the RCS)
 * @param amount             what the commitment holds now (amendments included)
 * @param firstPayment       the due date of the schedule's first tranche
 * @param lastPayment        the due date of its last tranche
 * @param tranches           how many tranches the schedule has
 * @param programme          the programme (the envelope at the root of the commitment's envelope)
 */
public record PublishedGrant(String reference, Long commitmentId, String funderName, String funderSiret,
                             LocalDate conventionDate, String beneficiaryName, String beneficiarySiret,
                             String beneficiaryRna, boolean beneficiaryCompany, String object, BigDecimal amount, LocalDate firstPayment,
                             LocalDate lastPayment, int tranches, String programme, String territory) {
}
