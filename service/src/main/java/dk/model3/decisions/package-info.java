/**
 * Decisions and the caseworker's review: the written justification of a logged decision,
 * the review (accepted or overridden with a reason code), the reason codes, the summary
 * of reviews for policy staff and the {@code reviews} command.
 */
package dk.model3.decisions;
