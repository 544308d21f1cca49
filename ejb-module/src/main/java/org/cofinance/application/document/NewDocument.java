package org.cofinance.application.document;

import java.io.InputStream;

/**
 * A document as a client sent it: the kind and tranche as typed, the file's name and bytes (null when no file was
 * sent), read once.
 */
public record NewDocument(String kind, String trancheId, String fileName, InputStream content) {
}
