package dk.model3.rules;

/**
 * Something wrong in a rule version, located as precisely as it can be: file, line and
 * column (0 when unknown) and a message a policy editor can act on.
 */
public record RuleProblem(String file, int line, int column, String message) {

	@Override
	public String toString() {
		String where = (this.line > 0) ? this.file + ":" + this.line + ((this.column > 0) ? ":" + this.column : "")
				: this.file;
		return where + ": " + this.message;
	}

}
