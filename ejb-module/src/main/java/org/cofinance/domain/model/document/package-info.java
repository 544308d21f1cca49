/**
 * Documents: the files kept with a request — the project file, the budget annex, the signed convention, each
 * milestone's evidence — described by their kind, name, type read from their bytes, size and SHA-256. Never changed
 * nor deleted: a new version is a new document.
 */
package org.cofinance.domain.model.document;
