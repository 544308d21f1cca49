package org.cofinance.application.ledger;

/** What became of a reservation: held (with its commitment, for one amount), not held, or refused. */
public record ReservationOutcome(boolean fits, Long commitmentId, RuntimeException refusal) {

    public static final ReservationOutcome HELD = new ReservationOutcome(true, null, null);
    public static final ReservationOutcome NOT_HELD = new ReservationOutcome(false, null, null);

    public static ReservationOutcome held(Long commitmentId) {
        return new ReservationOutcome(true, commitmentId, null);
    }

    public static ReservationOutcome refused(RuntimeException refusal) {
        return new ReservationOutcome(false, null, refusal);
    }
}
