/**
 * Who may call what: built-in users over HTTP Basic, or an OIDC/JWT resource server in
 * production; 401 and 403 as RFC 9457 problems.
 */
package dk.model3.security;
