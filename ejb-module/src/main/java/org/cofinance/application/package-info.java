/**
 * Application services, one package per capability ({@code access}, {@code organisation}, {@code request},
 * {@code ledger}, {@code task}, {@code mail}, {@code reporting}, {@code health}) and a small {@code shared}: thin
 * transactional use cases (load, call the domain, store) that check, on every read and write, the caller's role and
 * organisation, and return read models (records), never entities. They depend on the domain and on the ports they
 * declare, never on the infrastructure or the channels; the REST and web layers call only these.
 */
package org.cofinance.application;
