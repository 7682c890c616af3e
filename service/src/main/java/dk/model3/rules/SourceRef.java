package dk.model3.rules;

/**
 * Where a rule comes from: the source document's file name and the section heading in it.
 */
public record SourceRef(String document, String section) {

}
