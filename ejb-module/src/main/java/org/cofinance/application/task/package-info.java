/**
 * Task lists and the work on tasks: who sees and works which task, claiming, delegating, completing with the
 * answer each task type takes, escalating late decisions and telling the candidates of new tasks.
 */
package org.cofinance.application.task;
