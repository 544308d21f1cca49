/**
 * Where documents' bytes live: a spool on the server's disk while an upload is read and its type detected (Apache
 * Tika's detectors, the zip containers' included), then PostgreSQL in chunks of a mebibyte, written and read one at a
 * time so that no document is ever whole in the heap — and shared by every node of a cluster.
 */
package org.cofinance.infrastructure.documents;
