package dk.model3.rules.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.rules.RuleLocation;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;

/**
 * What building a version's executable model found, as problems at the rule files: the
 * generated code's departures from the rule language ({@link GeneratedCodeCheck}) and the
 * engine's and the compiler's errors, each mapped to the rule file and rule where it can
 * be, with a short message: never the generated Java.
 */
final class CompilerProblems {

	// the engine's words for a constraint whose field the fact does not have
	private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unable to parse left part of expression: (.+)");

	private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/** The longest message kept from the engine or the compiler. */
	static final int MAX_MESSAGE = 300;

	private CompilerProblems() {
	}

	static List<RuleProblem> of(RuleVersionFiles files, KieBuilder builder, CheckedModelProject.Generated generated) {
		List<RuleProblem> problems = new ArrayList<>(findings(files, generated.findings()));
		List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
		for (Message message : errors) {
			String text = (message.getText() != null) ? message.getText() : "";
			if (text.equals(CheckedModelProject.NOT_COMPILED)) {
				continue;
			}
			// a follow-on of the syntax error already reported for the same file; says
			// nothing to an editor
			if (errors.size() > 1 && text.contains("Parser returned a null Package")) {
				continue;
			}
			String path = message.getPath();
			if (path != null && path.endsWith(".java")) {
				String rule = GeneratedCodeCheck.ruleAt(generated.sources(), path, message.getLine());
				RuleLocation location = (rule != null) ? RuleLocation.find(files, rule) : null;
				String said = "reglen kan ikke oversættes: " + shorten(text);
				problems.add((location != null && location.line() > 0) ? location.problem(said)
						: new RuleProblem(files.folder(), 0, 0, said));
			}
			else {
				problems.add(located(files, fileName(path, files), message.getLine(), message.getColumn(), text));
			}
		}
		if (problems.isEmpty() && (!errors.isEmpty() || !generated.findings().isEmpty())) {
			problems.add(new RuleProblem(files.folder(), 0, 0, "versionen kan ikke oversættes"));
		}
		return problems;
	}

	// one problem per rule (or per version, where no rule is told), naming what was found
	private static List<RuleProblem> findings(RuleVersionFiles files, List<GeneratedCodeCheck.Finding> findings) {
		Map<String, RuleProblem> places = new LinkedHashMap<>();
		Map<String, Set<String>> found = new LinkedHashMap<>();
		for (GeneratedCodeCheck.Finding finding : findings) {
			RuleLocation location = (finding.rule() != null) ? RuleLocation.find(files, finding.rule()) : null;
			RuleProblem place = (location != null && location.line() > 0) ? location.problem("")
					: new RuleProblem(files.folder(), 0, 0, "");
			String key = place.file() + ":" + place.line();
			places.putIfAbsent(key, place);
			found.computeIfAbsent(key, (k) -> new LinkedHashSet<>()).add(finding.what());
		}
		List<RuleProblem> problems = new ArrayList<>();
		places.forEach((key, place) -> {
			List<String> what = found.get(key).stream().limit(3).toList();
			problems.add(new RuleProblem(place.file(), place.line(), place.column(),
					"reglerne bliver til Java-kode, som regelsproget aldrig giver (" + String.join(", ", what)
							+ "); versionen er afvist, og intet af den er oversat eller kørt. Tjek regelnavne, filnavne og tekster for usædvanlige tegn"));
		});
		return problems;
	}

	/**
	 * The engine's message about a rule file in Danish, at its line: where the engine
	 * gives none but quotes the expression at fault, the line that holds it.
	 */
	static RuleProblem located(RuleVersionFiles files, String file, int line, int column, String text) {
		String said = shorten(text);
		Matcher unknown = UNKNOWN_FIELD.matcher(said);
		String expression = unknown.matches() ? unknown.group(1).strip() : null;
		String message = (expression != null)
				? "feltet `"
						+ FIELD.matcher(expression).results().findFirst().map(MatchResult::group).orElse(expression)
						+ "` findes ikke; tjek stavningen af feltet i betingelsen: " + expression
				: "reglen kan ikke oversættes: " + said;
		String content = files.files().get(file.substring(file.indexOf('/') + 1));
		if (line <= 0 && expression != null && content != null) {
			String[] lines = content.split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				int at = lines[i].indexOf(expression);
				if (at >= 0) {
					return new RuleProblem(file, i + 1, at + 1, message);
				}
			}
		}
		return new RuleProblem(file, Math.max(line, 0), Math.max(column, 0), message);
	}

	/** The first line of a message, at most {@value #MAX_MESSAGE} characters. */
	static String shorten(String text) {
		String line = text.strip();
		int end = line.indexOf('\n');
		if (end >= 0) {
			line = line.substring(0, end).strip();
		}
		return (line.length() > MAX_MESSAGE) ? line.substring(0, MAX_MESSAGE) + "…" : line;
	}

	private static String fileName(String path, RuleVersionFiles files) {
		if (path == null || path.isBlank()) {
			return files.folder();
		}
		return files.folder() + "/" + path.substring(path.lastIndexOf('/') + 1);
	}

}
