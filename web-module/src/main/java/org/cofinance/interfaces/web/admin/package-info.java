/**
 * The administration pages: users, organisations, envelopes and their amendments, one bean per form.
 */
package org.cofinance.interfaces.web.admin;
