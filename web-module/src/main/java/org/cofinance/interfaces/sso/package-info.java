/**
 * Single sign-on with OpenID Connect (ProConnect for public agents, a corporate provider for CDC and local-authority
 * staff): the provider as the pages' sign-in ({@code web.session.SsoServlet}: the authorization code flow with PKCE,
 * the sign-out at the provider) and the API's filter (its access tokens) use it — with Nimbus's OAuth 2.0 / OpenID Connect SDK, configured by {@code COFINANCE_OIDC_*}.
 * Roles and organisation stay Cofinance's; without the configuration, the local password sign-in alone remains.
 */
package org.cofinance.interfaces.sso;
