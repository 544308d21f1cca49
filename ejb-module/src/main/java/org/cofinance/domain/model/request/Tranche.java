package org.cofinance.domain.model.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.domain.model.ledger.Commitment;
import org.cofinance.domain.model.shared.DomainException;
import org.cofinance.domain.model.shared.Money;
import org.cofinance.domain.model.shared.SegregationOfDutiesException;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;

/**
 * A milestone payment (jalon) of a contracted request: a share of every commitment, paid once an officer recorded
 * its evidence and finance — someone else — validated it. The last tranche pays whatever is left.
 */
@Entity
@Table(name = "tranche")
public class Tranche {

    /** The labels of the standard schedule, which the pages translate; an agreed schedule's labels are free text. */
    public static final String SIGNATURE = "SIGNATURE";
    public static final String MID_TERM = "MID_TERM";
    public static final String COMPLETION = "COMPLETION";
    public static final int MAX_LABEL = 100;

    public enum Status { SCHEDULED, EVIDENCED, VALIDATED, PAID }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private FundingRequest request;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = MAX_LABEL)
    private String label;

    /** The percentage of each commitment this tranche pays, e.g. 30.00. */
    @Column(nullable = false, precision = 5, scale = 2)
    private BigDecimal share;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(length = 1000)
    private String evidence;

    @Column(name = "justified_amount", precision = 19, scale = 2)
    private Money justifiedAmount;

    @Column(name = "evidenced_by", length = 64)
    private String evidencedBy;

    @Column(name = "evidenced_at")
    private Instant evidencedAt;

    @Column(name = "validated_by", length = 64)
    private String validatedBy;

    @Column(name = "validated_at")
    private Instant validatedAt;

    @Version
    private long version;

    protected Tranche() {
    }

    /**
     * The schedule of a convention signed on {@code signedOn}: 30 % on signature, 40 % at mid-term (a year later),
     * 30 % on completion (two years later), each on evidence.
     */
    static List<Tranche> standardSchedule(FundingRequest request, LocalDate signedOn) {
        return List.of(new Tranche(request, 0, SIGNATURE, new BigDecimal("30"), signedOn),
                new Tranche(request, 1, MID_TERM, new BigDecimal("40"), signedOn.plusYears(1)),
                new Tranche(request, 2, COMPLETION, new BigDecimal("30"), signedOn.plusYears(2)));
    }

    /**
     * A schedule the parties agreed at the signature on {@code signedOn}.
     *
     * @throws ValidationException naming every line's wrong field, or {@code schedule} when the shares do not add up
     *                             to 100.00
     */
    static List<Tranche> agreedSchedule(FundingRequest request, LocalDate signedOn, List<TrancheTerms> schedule) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        LocalDate previous = signedOn;
        for (int i = 0; i < schedule.size(); i++) {
            TrancheTerms terms = schedule.get(i);
            String field = "schedule[" + i + "].";
            if (terms.label() == null || terms.label().isBlank() || terms.label().strip().length() > MAX_LABEL) {
                violations.add(new Violation(field + "label", "is required, at most " + MAX_LABEL + " characters"));
            }
            if (terms.share() == null || terms.share().signum() <= 0 || terms.share().scale() > 2
                    || terms.share().compareTo(BigDecimal.valueOf(100)) > 0) {
                violations.add(new Violation(field + "share", "is a percentage above 0 and at most 100, with at "
                        + "most two decimals"));
            } else {
                total = total.add(terms.share());
            }
            if (terms.dueOn() == null || terms.dueOn().isBefore(previous)) {
                violations.add(new Violation(field + "dueOn", "is a date not before the signature ("
                        + signedOn + ") nor the tranche before"));
            } else {
                previous = terms.dueOn();
            }
        }
        if (violations.isEmpty() && total.compareTo(BigDecimal.valueOf(100)) != 0) {
            violations.add(new Violation("schedule", "the shares add up to 100.00, not " + total.toPlainString()));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        List<Tranche> tranches = new ArrayList<>();
        for (int i = 0; i < schedule.size(); i++) {
            TrancheTerms terms = schedule.get(i);
            tranches.add(new Tranche(request, i, terms.label().strip(), terms.share(), terms.dueOn()));
        }
        return tranches;
    }

    Tranche(FundingRequest request, int position, String label, BigDecimal share, LocalDate dueOn) {
        if (share.signum() <= 0 || share.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a tranche pays between 0 and 100 % of each commitment");
        }
        this.request = request;
        this.position = position;
        this.label = label;
        this.share = share.setScale(2, RoundingMode.UNNECESSARY);
        this.dueOn = dueOn;
        this.status = Status.SCHEDULED;
    }

    /**
     * The officer records what proves the milestone is reached and, when the project justified less than this
     * tranche schedules ({@code scheduledTotal} over all commitments), the amount it justified; a refused evidence
     * can be recorded again.
     */
    public void recordEvidence(String text, Money justified, Money scheduledTotal, String officer, Instant at) {
        if (status != Status.SCHEDULED && status != Status.EVIDENCED) {
            throw new DomainException("tranche " + label + " is " + status + ": its evidence is already accepted");
        }
        if (text == null || text.isBlank() || text.length() > 1000) {
            throw ValidationException.of("comment", "the evidence of the milestone is required, at most 1000 "
                    + "characters");
        }
        if (justified != null && justified.isGreaterThan(scheduledTotal)) {
            throw ValidationException.of("amount", "at most the " + scheduledTotal.toPlainString()
                    + " EUR this tranche schedules");
        }
        this.justifiedAmount = justified;
        this.evidence = text.strip();
        this.evidencedBy = officer;
        this.evidencedAt = at;
        this.status = Status.EVIDENCED;
    }

    /**
     * A funder's finance may answer on its share of the tranche: the evidence is recorded and he did not record it.
     *
     * @throws SegregationOfDutiesException when he recorded the evidence
     */
    public void checkValidator(String validator) {
        requireEvidenced();
        if (validator.equals(evidencedBy)) {
            throw new SegregationOfDutiesException("whoever recorded the evidence of a tranche never validates it");
        }
    }

    private void requireEvidenced() {
        if (status != Status.EVIDENCED) {
            throw new DomainException("tranche " + label + " is " + status + ", not awaiting validation");
        }
    }

    /**
     * What this tranche pays on each commitment, in their order: as scheduled, or — when the officer justified less —
     * the justified amount shared in proportion to the scheduled ones, to the cent (the cents left by rounding down
     * go to the largest remainders first, so that the shares add up to the justified amount exactly).
     */
    public List<Money> payments(List<Commitment> commitments, boolean last) {
        List<Money> scheduled = commitments.stream().map(c -> amountFor(c, last)).toList();
        if (justifiedAmount == null) {
            return scheduled;
        }
        long total = scheduled.stream().mapToLong(Money::toCents).sum();
        if (total == 0) {
            return scheduled;
        }
        long justified = justifiedAmount.toCents();
        long[] cents = new long[scheduled.size()];
        long[] remainders = new long[scheduled.size()];
        long allocated = 0;
        for (int i = 0; i < cents.length; i++) {
            long numerator = Math.multiplyExact(scheduled.get(i).toCents(), justified);
            cents[i] = numerator / total;
            remainders[i] = numerator % total;
            allocated += cents[i];
        }
        List<Integer> byRemainder = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, cents.length)
                .boxed().toList());
        byRemainder.sort((a, b) -> Long.compare(remainders[b], remainders[a]));
        for (int k = 0; allocated < justified; k++, allocated++) {
            cents[byRemainder.get(k % cents.length)]++;
        }
        return java.util.Arrays.stream(cents).mapToObj(Money::ofCents).toList();
    }

    /**
     * What a schedule of these shares calls for on a commitment of that amount, tranche by tranche: each its share to
     * the cent, the last the rest, so that they add up to the amount exactly.
     */
    public static List<Money> schedule(Money committed, List<BigDecimal> shares) {
        List<Money> amounts = new ArrayList<>();
        Money scheduled = Money.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            Money amount = i == shares.size() - 1 ? committed.minus(scheduled)
                    : committed.times(shares.get(i).movePointLeft(2));
            amounts.add(amount);
            scheduled = scheduled.plus(amount);
        }
        return amounts;
    }

    /** The scheduled payment on one commitment: its share, to the cent,
            at most what is left; the last pays the rest. */
    public Money amountFor(Commitment commitment, boolean last) {
        Money left = commitment.payable();
        if (last) {
            return left;
        }
        return commitment.committed().times(share.movePointLeft(2)).min(left);
    }

    /** Every funder paid its share of the evidenced tranche (or none had anything left to pay): it is paid. */
    public void paidByEveryFunder() {
        requireEvidenced();
        this.status = Status.PAID;
    }

    public Long id() {
        return id;
    }

    public FundingRequest request() {
        return request;
    }

    public int position() {
        return position;
    }

    public String label() {
        return label;
    }

    public BigDecimal share() {
        return share;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public Status status() {
        return status;
    }

    public String evidence() {
        return evidence;
    }

    public java.util.Optional<Money> justifiedAmount() {
        return java.util.Optional.ofNullable(justifiedAmount);
    }

    public String evidencedBy() {
        return evidencedBy;
    }

    public String validatedBy() {
        return validatedBy;
    }
}
