package org.cofinance.interfaces.web.session;

import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.render.ResponseStateManager;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A page sent back whose view the server cannot rebuild from the state it kept — the state was written by a node of
 * the cluster that has since died and the survivor, which holds a copy of the session, fails to restore that node's
 * view — is answered like a view that expired: the same page again, fresh, with a message saying that what was not
 * saved must be typed again. The user stays signed in (his session is on every node); nothing was changed, since the
 * sending failed before any of it was applied. Views that simply expired keep their own handling (web.xml).
 */
public class UnrestorableViewHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(UnrestorableViewHandler.class.getName());

    public UnrestorableViewHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
             events.hasNext();) {
            ExceptionQueuedEvent event = events.next();
            Throwable failure = event.getContext().getException();
            if (event.getContext().getPhaseId() == PhaseId.RESTORE_VIEW && isPostback(context)
                    && !(getRootCause(failure) instanceof ViewExpiredException) && !context.getResponseComplete()) {
                LOG.log(Level.WARNING, "a page's state could not be restored on this node: the page is sent again",
                        failure);
                events.remove();
                reload(context);
            }
        }
        getWrapped().handle();
    }

    private static boolean isPostback(FacesContext context) {
        return context.getExternalContext().getRequestParameterMap()
                .containsKey(ResponseStateManager.VIEW_STATE_PARAM);
    }

    private static void reload(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String query = request.getQueryString();
        external.getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text(context), null));
        try {
            external.redirect(request.getRequestURI() + (query == null ? "" : "?" + query));
        } catch (IOException e) {
            throw new FacesException(e);
        }
        context.responseComplete();
    }

    private static String text(FacesContext context) {
        Locale locale = context.getViewRoot() != null ? context.getViewRoot().getLocale()
                : context.getExternalContext().getRequestLocale();
        try {
            return ResourceBundle.getBundle("org.cofinance.interfaces.web.messages", locale)
                    .getString("page.reloaded");
        } catch (MissingResourceException e) {
            return "page.reloaded";
        }
    }

    /** Installs the handler in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new UnrestorableViewHandler(getWrapped().getExceptionHandler());
        }
    }
}
