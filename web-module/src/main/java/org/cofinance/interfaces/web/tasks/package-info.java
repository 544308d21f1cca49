/**
 * The task board and the task page: the decisions and work each user owes.
 */
package org.cofinance.interfaces.web.tasks;
