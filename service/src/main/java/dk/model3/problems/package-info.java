/**
 * RFC 9457 problems: how every refusal of the service is written, whoever writes it (an
 * exception handler, a servlet filter, the security chain), and what the error dispatch
 * answers for an error nobody handled: a problem without the exception, or the Danish
 * error page for a browser.
 */
package dk.model3.problems;
