/**
 * Who may call what: built-in users over HTTP Basic, or an OIDC/JWT resource server in
 * production; 401 and 403 as RFC 9457 problems, never a Basic challenge a browser would
 * answer by remembering the password. State-changing API calls from another site's page,
 * or without a content type no form can send, are refused
 * ({@code CrossSiteRequestFilter}); the pages keep CSRF tokens. User names do not
 * distinguish case.
 */
package dk.model3.security;
