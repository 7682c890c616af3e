package dk.model3.intake;

/**
 * One thing wrong with the form, for the error summary and the field: the request field,
 * the id of the control the summary links to, and the message in the reader's language.
 */
record PageError(String field, String anchor, String message) {

}
