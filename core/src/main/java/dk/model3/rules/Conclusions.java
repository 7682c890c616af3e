package dk.model3.rules;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Which facts each rule of a version creates when it fires, read off its consequence
 * ({@code insertLogical(new Complex())}, {@code insert(Outcome.placed(…))}): the rules
 * the explanation follows to say what an absent derived fact rests on. The rule language
 * allows nothing else in a consequence (see {@link ConsequenceGrammar}).
 */
public final class Conclusions {

	private static final Pattern CREATED = Pattern
		.compile("\\b(?:new\\s+([A-Z]\\w*)\\s*\\(|([A-Z]\\w*)\\s*\\.\\s*[a-z]\\w*\\s*\\()");

	private Conclusions() {
	}

	/** Rule name to the simple names of the types its consequence creates. */
	public static Map<String, Set<String>> of(RuleVersionFiles files) {
		Map<String, Set<String>> created = new HashMap<>();
		files.drlFiles().values().forEach((text) -> {
			PackageDescr descr = parse(text);
			if (descr == null) {
				return;
			}
			for (RuleDescr rule : descr.getRules()) {
				Set<String> types = new LinkedHashSet<>();
				Matcher matcher = CREATED
					.matcher((rule.getConsequence() != null) ? rule.getConsequence().toString() : "");
				while (matcher.find()) {
					types.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
				}
				created.put(rule.getName(), types);
			}
		});
		return created;
	}

	private static PackageDescr parse(String text) {
		try {
			DrlParser parser = new DrlParser();
			PackageDescr descr = parser.parse(false, text);
			return parser.hasErrors() ? null : descr;
		}
		catch (DroolsParserException ex) {
			// a version that does not parse never compiles: nothing to explain
			return null;
		}
	}

}
