package dk.model3.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.versions.RuleLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies of the repository's rules in a temporary folder, to break on purpose: broken
 * rule folders are never committed.
 */
public final class RuleCopies {

	/** The repository's rules, seen from the service module the tests run in. */
	public static final Path RULES = Path.of("../rules");

	private RuleCopies() {
	}

	/** A copy of the whole rules folder (sources.yaml and every version) under root. */
	public static Path copy(Path root) {
		Path target = root.resolve("rules");
		try (Stream<Path> files = Files.walk(RULES)) {
			for (Path source : files.toList()) {
				Path destination = target.resolve(RULES.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(source, destination);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/** Replaces the one occurrence of a text in a file; fails if it is not there once. */
	public static void edit(Path file, String from, String to) {
		try {
			String content = Files.readString(file);
			assertThat(content).as("text to replace in %s", file).containsOnlyOnce(from);
			Files.writeString(file, content.replace(from, to));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The 1-based line on which a text stands in a file. */
	public static int lineOf(Path file, String text) {
		try {
			String content = Files.readString(file);
			int index = content.indexOf(text);
			assertThat(index).as("%s in %s", text, file).isNotNegative();
			return (int) content.substring(0, index).chars().filter((c) -> c == '\n').count() + 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A version compiled from a rules folder (the repository's or a copy). */
	public static CompiledRules compile(Path rulesDirectory, String version) {
		RuleLoader loader = new RuleLoader(RuleFolders.inDirectory(rulesDirectory));
		return loader.compiler()
			.compile(loader.folders()
				.versions()
				.stream()
				.filter((files) -> files.folder().equals(version))
				.findFirst()
				.orElseThrow());
	}

	/**
	 * Appends a well-formed flag rule F-99 that no profile of the model can make fire.
	 */
	public static void addNeverFiringRule(Path flagsFile) {
		try {
			Files.writeString(flagsFile, Files.readString(flagsFile) + """

					rule "F-99 Nobody is older than 125"
						@id("F-99")
						@source("000_376bb355f2c46007.txt")
						@section("15-17 årige")
						@da("Ingen.")
						@en("None.")
					when
						Profile( age > 125 )
					then
						insert(new FlagRaised(Flag.MEASURES_SENTENCE));
					end
					""");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
