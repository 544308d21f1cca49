package org.cofinance.domain.model.document;

/** What a document is to its request; an EVIDENCE document belongs to one of its tranches. */
public enum DocumentKind {
    PROJECT, BUDGET, CONVENTION_SIGNED, EVIDENCE, OTHER
}
