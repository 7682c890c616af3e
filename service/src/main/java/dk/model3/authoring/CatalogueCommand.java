package dk.model3.authoring;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.model3.publishing.RuleCatalogue;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The rule catalogue of a version as Markdown, generated from the rule metadata. */
@Command(name = "catalogue", description = "Write the rule catalogue of a version as Markdown.")
public final class CatalogueCommand extends AuthoringCommand {

	@Parameters(paramLabel = "VERSION", description = "The version folder, e.g. 2023.01.")
	String version;

	@Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of the console.")
	Path file;

	@Override
	int run(RuleLoader loader, ProblemPrinter printer, PrintWriter out, PrintWriter err) {
		CompiledRules rules = this.rules.compile(loader, this.version, printer);
		String markdown = new RuleCatalogue(rules).markdown();
		if (this.file == null) {
			out.print(markdown);
			return 0;
		}
		try {
			Files.writeString(this.file, markdown, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new CannotRun("Cannot write " + this.file + ": " + ex.getMessage());
		}
		out.println("Wrote the catalogue of " + rules.version() + " to " + this.file + ".");
		return 0;
	}

}
