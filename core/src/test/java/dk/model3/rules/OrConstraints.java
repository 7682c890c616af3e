package dk.model3.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.facts.Profile;
import dk.model3.facts.ProfileFields;

/**
 * The sides of each {@code ||} inside one constraint on the profile, read from a rule's
 * text for the tests, apart from the service's own reading: a side that compares one
 * field with a value ({@code benefit == Benefit.X}, {@code problems contains Problem.X},
 * {@code placedOutOfHome}). Fields read anywhere else by the rule (another constraint, a
 * side of another form, a derived fact it matches or excludes) are listed apart.
 */
final class OrConstraints {

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_]\\w*");

	private static final Pattern CONTAINS = Pattern.compile("(\\w+)\\s+contains\\s+\\w+\\.(\\w+)");

	private static final Pattern EQUALS = Pattern.compile("(\\w+)\\s*==\\s*\\w+\\.(\\w+)");

	private static final Pattern BARE = Pattern.compile("(\\w+)");

	/** One side: the field it reads and the test it makes. */
	record Side(String field, String text) {

		boolean holds(Profile profile) {
			Object value = ProfileFields.value(profile, this.field);
			Matcher contains = CONTAINS.matcher(this.text);
			if (contains.matches()) {
				return value instanceof Collection<?> items
						&& items.stream().anyMatch((item) -> item.toString().equals(contains.group(2)));
			}
			Matcher equals = EQUALS.matcher(this.text);
			if (equals.matches()) {
				return value != null && value.toString().equals(equals.group(2));
			}
			return Boolean.TRUE.equals(value);
		}

	}

	record Read(List<Side> sides, Set<String> elsewhere) {
	}

	private OrConstraints() {
	}

	/** By rule id. */
	static Map<String, Read> of(CompiledRules rules) {
		Map<String, Set<String>> creates = Conclusions.of(rules.files());
		Map<String, Read> read = new LinkedHashMap<>();
		for (RuleMetadata rule : rules.rules()) {
			String condition = condition(rules.files().files().get(rule.file()), rule.name());
			if (condition == null) {
				continue;
			}
			List<Side> sides = new ArrayList<>();
			Set<String> elsewhere = new HashSet<>();
			Matcher pattern = Pattern.compile("\\b(\\w+)\\s*\\(").matcher(condition);
			int from = 0;
			while (pattern.find(from)) {
				String type = pattern.group(1);
				int end = closing(condition, pattern.end() - 1);
				if (type.equals("Profile")) {
					for (String constraint : split(condition.substring(pattern.end(), end), ",")) {
						List<String> parts = split(constraint, "||");
						if (parts.size() == 1) {
							elsewhere.addAll(fields(constraint));
							continue;
						}
						for (String part : parts) {
							String side = part.strip();
							List<String> fields = fields(side);
							boolean simple = CONTAINS.matcher(side).matches() || EQUALS.matcher(side).matches()
									|| BARE.matcher(side).matches();
							if (simple && fields.size() == 1) {
								sides.add(new Side(fields.get(0), side));
							}
							else {
								elsewhere.addAll(fields);
							}
						}
					}
					from = end;
				}
				else {
					if (Character.isUpperCase(type.charAt(0))) {
						elsewhere.addAll(behind(type, rules, creates, new HashSet<>()));
					}
					from = pattern.end();
				}
			}
			read.put(rule.id(), new Read(sides, elsewhere));
		}
		return read;
	}

	// every profile field the rules creating this type read, through their derived facts
	private static Set<String> behind(String type, CompiledRules rules, Map<String, Set<String>> creates,
			Set<String> visiting) {
		Set<String> fields = new HashSet<>();
		if (!visiting.add(type)) {
			return fields;
		}
		for (RuleMetadata rule : rules.rules()) {
			if (!creates.getOrDefault(rule.name(), Set.of()).contains(type)) {
				continue;
			}
			for (FactUse use : rule.uses()) {
				if (use.profileField()) {
					fields.add(use.name());
				}
				else {
					fields.addAll(behind(use.name(), rules, creates, visiting));
				}
			}
		}
		return fields;
	}

	private static List<String> fields(String text) {
		List<String> fields = new ArrayList<>();
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			if (ProfileFields.NAMES.contains(matcher.group()) && !fields.contains(matcher.group())) {
				fields.add(matcher.group());
			}
		}
		return fields;
	}

	// the text split at a separator outside parentheses
	private static List<String> split(String text, String separator) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			depth += (c == '(') ? 1 : (c == ')') ? -1 : 0;
			if (depth == 0 && text.startsWith(separator, i)) {
				parts.add(text.substring(start, i));
				start = i + separator.length();
				i += separator.length() - 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	private static int closing(String text, int open) {
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			depth += (text.charAt(i) == '(') ? 1 : (text.charAt(i) == ')') ? -1 : 0;
			if (depth == 0) {
				return i;
			}
		}
		return text.length();
	}

	private static String condition(String drl, String ruleName) {
		Matcher matcher = Pattern
			.compile("(?s)rule\\s+\"" + Pattern.quote(ruleName) + "\".*?\\n\\s*when\\s*\\n(.*?)\\n\\s*then\\b")
			.matcher(drl);
		return matcher.find() ? matcher.group(1).replaceAll("//[^\\n]*", "") : null;
	}

}
