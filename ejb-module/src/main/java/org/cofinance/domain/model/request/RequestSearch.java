package org.cofinance.domain.model.request;

import org.cofinance.domain.model.programme.Theme;

/**
 * What a search of requests asks; a null criterion asks nothing. {@code fundedBy}: requests one of whose lines that
 * draws on an envelope is that organisation's; {@code visibleTo}: the same, or carried by that organisation (its lead
 * or a partner), for a caller restricted to his organisation's requests.
 */
public record RequestSearch(String programmeCode, RequestStatus status, Theme theme, String territory,
                            String envelopeCode, Long fundedBy, String text, Long visibleTo) {
}
