package org.cofinance.application.shared;

import jakarta.ejb.EJBException;

/** What the channels (API, pages) read of a failure: the exception a service or the process threw, unwrapped. */
public final class Failures {

    private Failures() {
    }

    /** The failure inside the EJB container's and the process engine's wrappers. */
    public static Throwable cause(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof EJBException || t.getClass().getName().startsWith("org.camunda"))
                && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
