/**
 * RFC 9457 problems: how every refusal of the service is written, whoever writes it (an
 * exception handler, a servlet filter, the security chain).
 */
package dk.model3.problems;
