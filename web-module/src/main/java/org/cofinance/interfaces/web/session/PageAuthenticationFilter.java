package org.cofinance.interfaces.web.session;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.cofinance.application.access.SignInService;
import org.cofinance.application.access.SignedInUser;

/**
 * The pages under {@code /app/} run as the user the login page signed into the HTTP session; without one, the
 * browser is sent to the login page (an Ajax request gets a Faces redirect), and comes back where it was going. A
 * session signed in before its user's password was reset or his account disabled (on any node: it is read from the
 * database) is over; a user who must replace a password an administrator set sees only the password page.
 */
@WebFilter(urlPatterns = "/app/*")
public class PageAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;


    @EJB
    private SignInService signIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String username = session == null ? null : (String) session.getAttribute(SessionKeys.USER);
        if (username != null
                && !signIn.sessionStillValid(username, (Instant) session.getAttribute(SessionKeys.SIGNED_IN_AT))) {
            session.invalidate();
            username = null;
        }
        if (username == null) {
            String login = request.getContextPath() + "/login.xhtml";
            if ("GET".equals(request.getMethod())) {
                String target = request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                login += "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            }
            redirect(request, response, login);
            return;
        }
        String page = request.getRequestURI().substring(request.getContextPath().length());
        if (session.getAttribute(SessionKeys.PASSWORD_CHANGE) != null && !SessionKeys.PASSWORD_PAGE.equals(page)) {
            redirect(request, response, request.getContextPath() + SessionKeys.PASSWORD_PAGE);
            return;
        }
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(username)) {
            chain.doFilter(request, response);
        }
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                    + "<redirect url=\"" + target.replace("&", "&amp;") + "\"></redirect></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }
}
