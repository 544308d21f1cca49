package org.cofinance.domain.model.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cofinance.domain.model.TestIds.withId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.cofinance.domain.model.organisation.Organisation;
import org.cofinance.domain.model.organisation.OrganisationKind;
import org.cofinance.domain.model.request.Instrument;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.junit.jupiter.api.Test;

/**
 * Model-based test of the ledger: random sequences of reservations, postings (full or partial), voids,
 * disbursements, recoveries, closings, envelope amendments and convention amendments (a commitment raised — the
 * increase reserved, then posted or voided — or lowered) run against the real aggregates and against a plain reference
 * model in cents. After every step every invariant is checked: no envelope over its ceiling, disbursed within
 * committed, balances equal to the reference model and to the sum of the entries written, and every commitment equal
 * to its reference (status, reserved, committed, disbursed, recovered). Postings, payments and recoveries are drawn up
 * to a cent above what they may take. Reproducible: the seed of a failing sequence is in the failure message;
 * {@code -Dledger.seed=N} replays from N, {@code -Dledger.sequences=K} runs K.
 */
class LedgerModelTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final int SEQUENCES = Integer.getInteger("ledger.sequences", 10_000);
    private static final long BASE_SEED = Long.getLong("ledger.seed", 20261126L);
    private static final int STEPS = 40;

    @Test
    void shouldKeepEveryInvariantOverTenThousandRandomSequences() {
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = BASE_SEED + i;
            try {
                new Sequence(seed).run();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("ledger sequence failed; replay with -Dledger.seed=" + seed
                        + " -Dledger.sequences=1: " + e.getMessage(), e);
            }
        }
    }

    /** The reference: a commitment is just numbers in cents. */
    private static final class ModelCommitment {
        final int envelope;
        long reserved;
        long committed;
        long disbursed;
        long recovered;
        CommitmentStatus status = CommitmentStatus.RESERVED;

        ModelCommitment(int envelope, long reserved) {
            this.envelope = envelope;
            this.reserved = reserved;
        }
    }

    private static final class Sequence {
        private final SplittableRandom random;
        private final List<Envelope> envelopes = new ArrayList<>();
        private final int[] parentOf;
        private final long[] ceilings;
        private final List<Commitment> commitments = new ArrayList<>();
        private final List<ModelCommitment> model = new ArrayList<>();
        private final List<LedgerEntry> entries = new ArrayList<>();
        private final Map<Integer, Long> latestAmend = new HashMap<>();
        private long keys;

        Sequence(long seed) {
            random = new SplittableRandom(seed);
            Organisation owner = withId(new Organisation("Owner", OrganisationKind.CDC, null), 1L);
            // a root, two children of it (together possibly larger than it), a grandchild, and a separate root
            parentOf = new int[] {-1, 0, 0, 1, -1};
            ceilings = new long[parentOf.length];
            ceilings[0] = cents(5_000, 20_000);
            ceilings[1] = Math.min(ceilings[0], cents(1_000, ceilings[0] / 100));
            ceilings[2] = Math.min(ceilings[0], cents(1_000, ceilings[0] / 100));
            ceilings[3] = Math.min(ceilings[1], cents(500, ceilings[1] / 100));
            ceilings[4] = cents(1_000, 10_000);
            for (int i = 0; i < parentOf.length; i++) {
                Envelope parent = parentOf[i] < 0 ? null : envelopes.get(parentOf[i]);
                Envelope e = withId(new Envelope("ENV-" + i, "Envelope " + i, owner, parent,
                        Money.ofCents(ceilings[i]), null, null), 100L + i);
                envelopes.add(e);
                record(e.openingEntry(movement()));
            }
        }

        private long cents(long minEuros, long maxEuros) {
            return random.nextLong(minEuros, maxEuros + 1) * 100 + random.nextInt(100);
        }

        private Movement movement() {
            return new Movement("tester", NOW, "k" + keys++, "step");
        }

        private void record(LedgerEntry entry) {
            entries.add(entry);
            if (entry.kind() == EntryKind.AMEND) {
                latestAmend.put(envelopes.indexOf(envelopes.stream()
                        .filter(e -> e.id().equals(entry.envelopeId())).findFirst().orElseThrow()),
                        entry.amount().toCents());
            }
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                switch (random.nextInt(11)) {
                    case 0, 1 -> reserve();
                    case 2 -> post();
                    case 3 -> voidReservation();
                    case 4 -> disburse();
                    case 5 -> close();
                    case 6 -> recover();
                    case 7 -> raise();
                    case 8 -> settleIncrease();
                    case 9 -> lower();
                    default -> amend();
                }
                checkInvariants(step);
            }
        }

        private List<Integer> chain(int envelope) {
            List<Integer> chain = new ArrayList<>();
            for (int e = envelope; e >= 0; e = parentOf[e]) {
                chain.add(e);
            }
            return chain;
        }

        private boolean isInSubtree(int envelope, int root) {
            return chain(envelope).contains(root);
        }

        private long modelReserved(int envelope) {
            return model.stream().filter(c -> isInSubtree(c.envelope, envelope)).mapToLong(c -> c.reserved).sum();
        }

        private long modelCommitted(int envelope) {
            return model.stream().filter(c -> isInSubtree(c.envelope, envelope)).mapToLong(c -> c.committed).sum();
        }

        private long modelDisbursed(int envelope) {
            return model.stream().filter(c -> isInSubtree(c.envelope, envelope)).mapToLong(c -> c.disbursed).sum();
        }

        private long modelAvailable(int envelope) {
            return ceilings[envelope] - modelReserved(envelope) - modelCommitted(envelope);
        }

        private void reserve() {
            int target = random.nextInt(envelopes.size());
            long amount = random.nextLong(1, Math.max(2, ceilings[0] / 3));
            boolean fits = chain(target).stream().allMatch(e -> modelAvailable(e) >= amount);
            try {
                Commitment c = withId(new Commitment(envelopes.get(target), 1L, null, 1L, Instrument.SUBSIDY,
                        Money.ofCents(amount), NOW), (long) commitments.size() + 1);
                assertThat(fits).as("the model refuses a reservation of %d on %d", amount, target).isTrue();
                commitments.add(c);
                model.add(new ModelCommitment(target, amount));
                record(c.reservationEntry(movement()));
            } catch (InsufficientFundsException e) {
                assertThat(fits).as("the ledger refuses a reservation the model accepts: " + e.getMessage())
                        .isFalse();
            }
        }

        private int pick() {
            return commitments.isEmpty() ? -1 : random.nextInt(commitments.size());
        }

        private void post() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            // up to one cent above what is reserved: a posting above the reservation must be refused
            long amount = random.nextLong(1, m.reserved + 2);
            boolean allowed = m.status == CommitmentStatus.RESERVED && amount <= m.reserved;
            expect(allowed, "posting of " + amount, () -> {
                commitments.get(i).post(Money.ofCents(amount), movement()).forEach(this::record);
            }, () -> {
                m.committed = amount;
                m.reserved = 0;
                m.status = CommitmentStatus.COMMITTED;
            });
        }

        private void voidReservation() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            boolean allowed = m.status == CommitmentStatus.RESERVED;
            expect(allowed, "void", () -> record(commitments.get(i).voidReservation(movement())), () -> {
                m.reserved = 0;
                m.status = CommitmentStatus.RELEASED;
            });
        }

        private void disburse() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            long payable = m.committed - m.disbursed - m.recovered;
            long amount = random.nextLong(1, Math.max(2, payable + 2));
            boolean allowed = (m.status == CommitmentStatus.COMMITTED || m.status == CommitmentStatus.DISBURSED)
                    && amount <= payable;
            expect(allowed, "disbursement of " + amount, () -> {
                record(commitments.get(i).disburse(Money.ofCents(amount), movement()));
            }, () -> {
                m.disbursed += amount;
                m.status = CommitmentStatus.DISBURSED;
            });
        }

        /** Money paid comes back, up to a cent more than was paid; on a closed commitment it is released at once. */
        private void recover() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            long amount = random.nextLong(1, m.disbursed + 2);
            boolean allowed = (m.status == CommitmentStatus.DISBURSED || m.status == CommitmentStatus.CLOSED)
                    && amount <= m.disbursed;
            expect(allowed, "recovery of " + amount, () -> {
                commitments.get(i).recover(Money.ofCents(amount), movement()).forEach(this::record);
            }, () -> {
                m.disbursed -= amount;
                m.recovered += amount;
                if (m.status == CommitmentStatus.CLOSED) {
                    m.committed -= amount;
                }
            });
        }

        private boolean posted(ModelCommitment m) {
            return m.status == CommitmentStatus.COMMITTED || m.status == CommitmentStatus.DISBURSED;
        }

        /** An amendment raises a posted commitment: the increase is reserved, up to a cent above what fits. */
        private void raise() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            long room = chain(m.envelope).stream().mapToLong(this::modelAvailable).min().orElse(0);
            long amount = random.nextLong(1, Math.max(2, room + 2));
            boolean allowed = posted(m) && m.reserved == 0 && amount <= room;
            expect(allowed, "increase of " + amount, () -> {
                record(commitments.get(i).reserveIncrease(Money.ofCents(amount), movement()));
            }, () -> {
                m.reserved = amount;
            });
        }

        /** The funders decide an increase: posted or voided, as a coin falls. */
        private void settleIncrease() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            boolean approve = random.nextBoolean();
            boolean allowed = posted(m) && m.reserved > 0;
            expect(allowed, "settling an increase", () -> {
                Commitment c = commitments.get(i);
                record(approve ? c.postIncrease(movement()) : c.voidIncrease(movement()));
            }, () -> {
                if (approve) {
                    m.committed += m.reserved;
                }
                m.reserved = 0;
            });
        }

        /** An amendment lowers a posted commitment, up to a cent below what was paid or paid back. */
        private void lower() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            long payable = m.committed - m.disbursed - m.recovered;
            long amount = random.nextLong(1, Math.max(2, payable + 2));
            boolean allowed = posted(m) && amount <= payable;
            expect(allowed, "decrease of " + amount, () -> {
                record(commitments.get(i).decrease(Money.ofCents(amount), movement()));
            }, () -> {
                m.committed -= amount;
            });
        }

        private void close() {
            int i = pick();
            if (i < 0) {
                return;
            }
            ModelCommitment m = model.get(i);
            boolean allowed = posted(m) && m.reserved == 0;
            expect(allowed, "closing", () -> commitments.get(i).close(movement()).forEach(this::record), () -> {
                m.committed = m.disbursed;
                m.status = CommitmentStatus.CLOSED;
            });
        }

        private void amend() {
            int target = random.nextInt(envelopes.size());
            long used = modelReserved(target) + modelCommitted(target);
            long newCeiling = Math.max(0, used + random.nextLong(-ceilings[target] / 4 - 1, ceilings[target] / 4 + 1));
            long largestChild = 0;
            for (int c = 0; c < parentOf.length; c++) {
                if (parentOf[c] == target) {
                    largestChild = Math.max(largestChild, ceilings[c]);
                }
            }
            boolean allowed = newCeiling >= used && newCeiling >= largestChild
                    && (parentOf[target] < 0 || newCeiling <= ceilings[parentOf[target]]);
            Money largestChildCeiling = Money.ofCents(largestChild);
            expect(allowed, "amendment to " + newCeiling, () -> {
                record(envelopes.get(target).amend(Money.ofCents(newCeiling), largestChildCeiling, movement()));
            }, () -> {
                ceilings[target] = newCeiling;
            });
        }

        /**
         * Runs a step on the ledger: when the reference model allows it, it must pass and the reference follows;
         * otherwise the ledger must refuse it.
         */
        private void expect(boolean allowed, String what, Runnable onLedger, Runnable onReference) {
            try {
                onLedger.run();
            } catch (DomainException e) {
                assertThat(allowed).as(what + " refused: " + e.getMessage()).isFalse();
                return;
            }
            assertThat(allowed).as(what + " allowed").isTrue();
            onReference.run();
        }

        private void checkInvariants(int step) {
            for (int i = 0; i < envelopes.size(); i++) {
                Envelope e = envelopes.get(i);
                String at = "envelope " + i + " after step " + step;
                assertThat(e.reserved().plus(e.committed()).isGreaterThan(e.ceiling())).as(at + ": over ceiling")
                        .isFalse();
                assertThat(e.disbursed().isGreaterThan(e.committed())).as(at + ": disbursed over committed")
                        .isFalse();
                assertThat(e.ceiling().toCents()).as(at + ": ceiling").isEqualTo(ceilings[i]);
                assertThat(e.reserved().toCents()).as(at + ": reserved").isEqualTo(modelReserved(i));
                assertThat(e.committed().toCents()).as(at + ": committed").isEqualTo(modelCommitted(i));
                assertThat(e.disbursed().toCents()).as(at + ": disbursed").isEqualTo(modelDisbursed(i));
                assertThat(fromEntries(i)).as(at + ": balances from entries")
                        .containsExactly(e.reserved().toCents(), e.committed().toCents(), e.disbursed().toCents());
                assertThat(latestAmend.get(i)).as(at + ": ceiling from entries").isEqualTo(ceilings[i]);
            }
            for (int i = 0; i < commitments.size(); i++) {
                Commitment c = commitments.get(i);
                ModelCommitment m = model.get(i);
                String at = "commitment " + i + " after step " + step;
                assertThat(c.disbursed().isGreaterThan(c.committed())).as(at + ": disbursed over committed")
                        .isFalse();
                assertThat(c.status()).as(at + ": status").isEqualTo(m.status);
                assertThat(c.reserved().toCents()).as(at + ": reserved").isEqualTo(m.reserved);
                assertThat(c.committed().toCents()).as(at + ": committed").isEqualTo(m.committed);
                assertThat(c.disbursed().toCents()).as(at + ": disbursed").isEqualTo(m.disbursed);
                assertThat(c.recovered().toCents()).as(at + ": recovered").isEqualTo(m.recovered);
                assertThat(c.payable().isNegative()).as(at + ": payable below zero").isFalse();
            }
        }

        /**
         * reserved = RESERVE − POST − VOID, committed = POST − RELEASE, disbursed = DISBURSE − RECOVER, over the
         * subtree.
         */
        private long[] fromEntries(int envelope) {
            long reserved = 0;
            long committed = 0;
            long disbursed = 0;
            for (LedgerEntry entry : entries) {
                int owner = (int) (entry.envelopeId() - 100L);
                if (!isInSubtree(owner, envelope)) {
                    continue;
                }
                long cents = entry.amount().toCents();
                switch (entry.kind()) {
                    case RESERVE -> reserved += cents;
                    case POST -> {
                        reserved -= cents;
                        committed += cents;
                    }
                    case VOID -> reserved -= cents;
                    case RELEASE -> committed -= cents;
                    case DISBURSE -> disbursed += cents;
                    case RECOVER -> disbursed -= cents;
                    case AMEND -> { }
                }
            }
            return new long[] {reserved, committed, disbursed};
        }
    }
}
