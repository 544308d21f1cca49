/**
 * The web application (Jakarta Faces with PrimeFaces): the login page, the pages of the officers, approvers, finance
 * and administrators, and their view beans. Beans hold what the user typed and call the application services, which
 * check every read and write by role and organisation; nothing here decides what a user may see.
 */
package org.cofinance.interfaces.web;
