package org.cofinance.application.request;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.cofinance.domain.model.request.Tranche;

/**
 * A tranche of the convention: its share of every commitment, when it is due, where it stands, and who validated it
 * — each funder's finance user who paid its share (the whole tranche's validator for the first release's tranches).
 */
public record TrancheView(Long id, String label, String share, LocalDate dueOn, String status, String evidence,
                          String evidencedBy, String validatedBy) implements Serializable {
    public static TrancheView of(Tranche t, List<String> shareValidators) {
        String validatedBy = shareValidators.isEmpty() ? t.validatedBy() : String.join(", ", shareValidators);
        return new TrancheView(t.id(), t.label(), t.share().toPlainString(), t.dueOn(), t.status().name(),
                t.evidence(), t.evidencedBy(), validatedBy);
    }
}
