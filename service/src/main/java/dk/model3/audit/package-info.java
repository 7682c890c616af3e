/**
 * The records: every API decision, each caseworker's review and each read of a decision,
 * stored in a relational database (PostgreSQL, or an embedded H2 by default) before they
 * are answered, the case reference as a keyed hash; retention; the {@code replay} and
 * {@code export} commands.
 */
package dk.model3.audit;
