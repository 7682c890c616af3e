package dk.model3.workbench;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import dk.model3.decisions.Labels;
import dk.model3.rules.scenarios.ScenarioResult;

/**
 * How a failed scenario's answer differed from its {@code expect:}, as a policy editor
 * reads it: in Danish, with the contract's codes in the words the result page uses
 * ("Markeringer: forventet ingen, men fik netværksmøde i Den Kommunale Ungeindsats
 * (KUI)"). The codes stay in the check results' {@code differences} for scripts.
 */
final class ScenarioDifferenceText {

	private static final String DA = "da";

	private ScenarioDifferenceText() {
	}

	static List<String> danish(List<ScenarioResult.Difference> found) {
		return found.stream().map(ScenarioDifferenceText::danish).toList();
	}

	static String danish(ScenarioResult.Difference difference) {
		if (difference.field() == null) {
			return "Scenariet kunne ikke køres: " + difference.text();
		}
		return switch (difference.field()) {
			case "status" ->
				expectedGot("Status", words("status", difference.expected()), words("status", difference.actual()));
			case "tier" -> expectedGot("Lag", tier(difference.expected()), tier(difference.actual()));
			case "responsibleArea" -> expectedGot("Ansvarligt område", words("area", difference.expected()),
					words("area", difference.actual()));
			case "flags" -> expectedGot("Markeringer", flags(difference.expected()), flags(difference.actual()));
			case "missingFacts" ->
				expectedGot("Oplysninger, der mangler", fields(difference.expected()), fields(difference.actual()));
			case "warnings" -> expectedGot("Advarsler", warnings(difference.expected()), warnings(difference.actual()));
			case "rules" -> "Regler: " + ids(difference.expected())
					+ " skulle være blandt de regler, der afgjorde, men " + "det var " + ids(difference.actual());
			default -> difference.text();
		};
	}

	private static String expectedGot(String what, String expected, String actual) {
		return what + ": forventet " + expected + ", men fik " + actual;
	}

	private static String words(String kind, Object code) {
		return (code == null) ? "intet" : Labels.value(kind, String.valueOf(code), DA);
	}

	private static String tier(Object code) {
		return (code == null) ? Labels.value("tier", "none", DA) : words("tier", code);
	}

	private static String flags(Object codes) {
		return each(codes, (code) -> Labels.value("flag", code, DA));
	}

	private static String fields(Object codes) {
		return each(codes, (field) -> Labels.field(field, DA));
	}

	// each warning as the fields it names: "alder og ydelse"
	private static String warnings(Object warnings) {
		if (!(warnings instanceof Collection<?> each) || each.isEmpty()) {
			return "ingen";
		}
		return each.stream().map((fields) -> {
			List<String> named = (fields instanceof Collection<?> list)
					? list.stream().map((field) -> Labels.field(String.valueOf(field), DA)).toList()
					: List.of(String.valueOf(fields));
			return "en advarsel om " + and(named);
		}).collect(Collectors.joining("; "));
	}

	private static String ids(Object ids) {
		return (ids instanceof Collection<?> each) ? and(each.stream().map(String::valueOf).toList())
				: String.valueOf(ids);
	}

	private static String each(Object codes, java.util.function.Function<String, String> word) {
		if (!(codes instanceof Collection<?> each) || each.isEmpty()) {
			return "ingen";
		}
		return each.stream().map(String::valueOf).map(word).collect(Collectors.joining(", "));
	}

	private static String and(List<String> words) {
		if (words.size() <= 1) {
			return String.join("", words);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " og " + words.get(words.size() - 1);
	}

}
