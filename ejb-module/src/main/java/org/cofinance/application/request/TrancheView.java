package org.cofinance.application.request;

import java.time.LocalDate;
import org.cofinance.domain.model.request.Tranche;

/** A tranche of the convention: its share of every commitment, when it is due, where it stands. */
public record TrancheView(Long id, String label, String share, LocalDate dueOn, String status, String evidence,
                          String evidencedBy, String validatedBy) {
    public static TrancheView of(Tranche t) {
        return new TrancheView(t.id(), t.label(), t.share().toPlainString(), t.dueOn(), t.status().name(),
                t.evidence(), t.evidencedBy(), t.validatedBy());
    }
}
