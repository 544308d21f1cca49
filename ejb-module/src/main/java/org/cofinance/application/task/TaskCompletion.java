package org.cofinance.application.task;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Completes a task for the channels, each attempt in a transaction of its own. Funders decide in parallel: when two
 * of them answer at the same instant, the engine refuses the later commit as a concurrent update of the process (the
 * count of decisions given); that attempt rolled back entirely, so it is simply made again, on the new state.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskCompletion {

    static final int ATTEMPTS = 5;

    private final TaskWork work;

    @Inject
    public TaskCompletion(TaskWork work) {
        this.work = work;
    }

    /** For the container's proxies only. */
    protected TaskCompletion() {
        this(null);
    }

    public void complete(String taskId, TaskAnswer answer) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.complete(taskId, answer);
                return;
            } catch (EJBException failed) {
                if (attempt >= ATTEMPTS || !isConcurrentUpdate(failed)) {
                    throw failed;
                }
            }
        }
    }

    private static boolean isConcurrentUpdate(Throwable failed) {
        for (Throwable t = failed; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
