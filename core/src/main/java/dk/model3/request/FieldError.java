package dk.model3.request;

/**
 * One thing wrong with a request: the field as a JSON pointer ({@code /problems/2}) and
 * what is allowed there.
 */
public record FieldError(String field, String message) {

}
