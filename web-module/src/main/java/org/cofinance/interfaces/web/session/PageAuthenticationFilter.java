package org.cofinance.interfaces.web.session;

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
import org.cofinance.application.access.SignedInUser;

/**
 * The pages under {@code /app/} run as the user the login page signed into the HTTP session; without one, the
 * browser is sent to the login page (an Ajax request gets a Faces redirect), and comes back where it was going.
 */
@WebFilter(urlPatterns = "/app/*")
public class PageAuthenticationFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The session attribute holding the signed-in user name. */
    static final String USER = "cofinance.user";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        String username = session == null ? null : (String) session.getAttribute(USER);
        if (username == null) {
            String login = request.getContextPath() + "/login.xhtml";
            if ("GET".equals(request.getMethod())) {
                String target = request.getRequestURI().substring(request.getContextPath().length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                login += "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
            }
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + login.replace("&", "&amp;") + "\"></redirect></partial-response>");
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        try (SignedInUser.Scope signedIn = SignedInUser.signIn(username)) {
            chain.doFilter(request, response);
        }
    }
}
