package org.cofinance.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import org.cofinance.application.access.SignInService;
import org.cofinance.domain.model.user.SignInAttempt;
import org.cofinance.interfaces.http.ClientAddress;
import org.cofinance.interfaces.sso.OidcProvider;
import org.cofinance.interfaces.sso.SignInRefusedException;

/**
 * The pages' single sign-on: {@code /sso/start} sends the browser to the provider (the pending sign-in kept in the
 * session), {@code /sso/callback} takes its answer, checks it, and signs the matching Cofinance user into a new session
 * id exactly as the login page does — or shows why not: an identity no enabled user answers to gets a page saying so.
 */
@WebServlet(urlPatterns = {"/sso/start", "/sso/callback", "/sso/signed-out"})
public class SsoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PENDING = "cofinance.sso.pending";

    @Inject
    private OidcProvider provider;

    @EJB
    private SignInService signIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider.isConfigured()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (request.getServletPath().endsWith("/start")) {
                start(request, response);
            } else if (request.getServletPath().endsWith("/signed-out")) {
                signedOut(request, response);
            } else {
                callback(request, response);
            }
        } catch (SignInRefusedException e) {
            log("single sign-on refused: " + e.getMessage());
            response.sendRedirect(request.getContextPath() + "/login.xhtml?sso=failed");
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcProvider.Start start = provider.start(callback(request), request.getParameter("next"));
        request.getSession(true).setAttribute(PENDING, start.pending());
        response.sendRedirect(start.redirect().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        OidcProvider.Pending pending = session == null ? null : (OidcProvider.Pending) session.getAttribute(PENDING);
        if (pending == null || !pending.state().equals(request.getParameter("state"))
                || request.getParameter("code") == null) {
            throw new SignInRefusedException("an answer of the provider that no sign-in of this browser awaits ("
                    + request.getParameter("error") + ")");
        }
        session.removeAttribute(PENDING);
        OidcProvider.SignedIn signedIn = provider.finish(pending, request.getParameter("code"), callback(request));
        SignInService.Result result = signIn.signIn(signedIn.identity(), SignInAttempt.Channel.OIDC,
                ClientAddress.of(request));
        if (!result.signedIn()) {
            session.setAttribute(SessionKeys.REFUSED_IDENTITY, signedIn.identity().auditName());
            session.setAttribute(SessionKeys.ID_TOKEN, signedIn.idToken());
            response.sendRedirect(request.getContextPath() + "/sso-refused.xhtml");
            return;
        }
        request.changeSessionId();
        session.setAttribute(SessionKeys.USER, result.username());
        session.setAttribute(SessionKeys.SIGNED_IN_AT, Instant.now());
        session.setAttribute(SessionKeys.ID_TOKEN, signedIn.idToken());
        response.sendRedirect(request.getContextPath() + SessionKeys.safeNext(pending.next()));
    }

    /**
     * Signed out of Cofinance, on the way to the provider's sign-out: a page that goes on there at once (a navigation
     * of its own, which the policy's form-action does not bound) and says so to whoever it does not move.
     */
    private void signedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        String next = session == null ? null : (String) session.getAttribute(SessionKeys.PROVIDER_SIGN_OUT);
        if (next == null) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml?signedOut=true");
            return;
        }
        session.invalidate();
        String target = next.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\">"
                + "<title>Déconnexion – Cofinance</title></head><body><main><h1>Vous êtes déconnecté de Cofinance"
                + "</h1><p><a id=\"provider-sign-out\" href=\"" + target + "\">Terminer la déconnexion auprès de "
                + provider.label() + "</a></p></main></body></html>");
    }

    /** Where the provider sends the browser back: this application's callback, as the browser reached it. */
    static URI callback(HttpServletRequest request) {
        return URI.create(origin(request) + request.getContextPath() + "/sso/callback");
    }

    static String origin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean standard = ("http".equals(request.getScheme()) && port == 80)
                || ("https".equals(request.getScheme()) && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (standard ? "" : ":" + port);
    }
}
