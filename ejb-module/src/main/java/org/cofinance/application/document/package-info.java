/**
 * Documents as the channels use them: uploaded by the officers (the type read from the bytes, the size limited, the
 * bytes streamed to the store), listed and downloaded by whoever may read their request. Ports: {@link DocumentStore}
 * (the spool, the type detector and the database's chunks).
 */
package org.cofinance.application.document;
