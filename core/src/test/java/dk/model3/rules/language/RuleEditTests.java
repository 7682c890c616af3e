package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.rules.RepoRules;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.language.RuleEdit.Kind;
import dk.model3.rules.language.RuleEdit.Refused;
import dk.model3.rules.language.RuleEdit.Rule;
import dk.model3.rules.language.RuleEdit.Value;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guided form's rewrite of a rule file: each value of a condition and each text of a
 * rule can be changed, only its own token changes, and anything outside the allow-list of
 * the value's kind is refused with the field named and nothing written.
 */
class RuleEditTests {

	private static final Set<String> SOURCES = Set.of("000_376bb355f2c46007.txt", "001_d900a8dc3fc1bab9.txt",
			"002_4817490280accf0b.txt");

	private static RuleVersionFiles version(String id) {
		return RepoRules.version(id);
	}

	private static Rule rule(String drl, String id) {
		return RuleEdit.rules(drl)
			.orElseThrow()
			.stream()
			.filter((rule) -> rule.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void changesTheAgeOfTheJointPlanInD15AndNoOtherByte() throws Refused {
		String drl = version("2023.01").files().get("derived.drl");
		Rule d15 = rule(drl, "D-15");
		assertThat(d15.conditions()).singleElement().satisfies((condition) -> {
			assertThat(condition.text()).isEqualTo("Profile( age >= 25 )");
			assertThat(condition.values())
				.containsExactly(new Value(0, "Profile", "age", ">=", Kind.NUMBER, "25", null, List.of()));
		});
		assertThat(d15.texts()).containsKeys("source", "section", "statute", "da", "en");

		String after = RuleEdit.apply(drl, "D-15", Map.of(0, "30"), Map.of(), SOURCES);

		int at = drl.indexOf("Profile( age >= 25 )\nthen\n\tinsertLogical(new JointPlanAge())")
				+ "Profile( age >= ".length();
		assertThat(after).isEqualTo(drl.substring(0, at) + "30" + drl.substring(at + 2));
		assertThat(rule(after, "D-15").conditions().get(0).values().get(0).value()).isEqualTo("30");
	}

	@Test
	void aValueOrTextSentAsItIsChangesNothing() throws Refused {
		String drl = version("2023.01").files().get("flags.drl");
		Rule f05 = rule(drl, "F-05");
		Map<Integer, String> values = new HashMap<>();
		f05.conditions().forEach((condition) -> condition.values().forEach((v) -> values.put(v.index(), v.value())));
		assertThat(RuleEdit.apply(drl, "F-05", values, f05.texts(), SOURCES)).isEqualTo(drl);
	}

	@Test
	void changesEveryValueOfEveryRuleInBothVersionsInItsOwnTokenOnly() throws Refused {
		Map<Kind, Integer> kinds = new HashMap<>();
		for (String id : List.of("2021.03", "2023.01")) {
			RuleVersionFiles files = version(id);
			for (var file : files.files().entrySet()) {
				if (!file.getKey().endsWith(".drl")) {
					continue;
				}
				String drl = file.getValue();
				List<Rule> rules = RuleEdit.rules(drl).orElseThrow();
				assertThat(rules).as("%s/%s", id, file.getKey()).isNotEmpty();
				Set<Kind> checked = new java.util.HashSet<>();
				for (Rule rule : rules) {
					for (Value value : values(rule)) {
						String other = other(value);
						String after = RuleEdit.apply(drl, rule.id(), Map.of(value.index(), other), Map.of(), SOURCES);
						assertOnlyOneSpanDiffers(drl, after);
						Value read = values(rule(after, rule.id())).get(value.index());
						assertThat(read.value()).as("%s value %d", rule.id(), value.index()).isEqualTo(other);
						assertThat(read.field()).isEqualTo(value.field());
						kinds.merge(value.kind(), 1, Integer::sum);
						// the edited file is still in the rule language: one of each kind
						// per
						// file
						if (checked.add(value.kind())) {
							Map<String, String> edited = new HashMap<>(files.files());
							edited.put(file.getKey(), after);
							assertThat(RuleLanguage.check(new RuleVersionFiles(id, edited)))
								.as("%s %s -> %s", rule.id(), value, other)
								.isEmpty();
						}
					}
				}
			}
		}
		assertThat(kinds).containsKeys(Kind.NUMBER, Kind.CHOICE, Kind.YES_NO);
	}

	@Test
	void writesAYesOrNoFieldAloneAsTheFieldOrItsNegation() throws Refused {
		String drl = version("2023.01").files().get("derived.drl");
		Value d07 = values(rule(drl, "D-07")).get(0);
		assertThat(d07).extracting(Value::field, Value::kind, Value::value)
			.containsExactly("brainInjuryCoordination", Kind.YES_NO, "true");
		assertThat(RuleEdit.apply(drl, "D-07", Map.of(0, "false"), Map.of(), SOURCES))
			.contains("Profile( !brainInjuryCoordination )");
		Value placed = values(rule(drl, "D-09")).stream()
			.filter((value) -> value.field().equals("placedOutOfHome"))
			.findFirst()
			.orElseThrow();
		assertThat(placed.value()).isEqualTo("false");
		assertThat(RuleEdit.apply(drl, "D-09", Map.of(placed.index(), "true"), Map.of(), SOURCES))
			.contains("Profile( problems.size() >= 1, placedOutOfHome, !measuresSentence )");
	}

	@Test
	void offersTheEnumsValuesInTheirOrderAndRefusesAnyOther() {
		String drl = version("2023.01").files().get("flags.drl");
		Value tier = values(rule(drl, "F-03")).get(0);
		assertThat(tier).extracting(Value::fact, Value::field, Value::operator, Value::kind, Value::value)
			.containsExactly("Outcome", "tier", "==", Kind.CHOICE, "CROSS_SECTOR");
		assertThat(tier.choices()).containsExactly("EMPLOYMENT_ONLY", "CROSS_SECTOR", "PENSION_SOCIAL");
		for (String bad : List.of("HACKED", "Tier.PENSION_SOCIAL", "PENSION_SOCIAL) || true || (true", "")) {
			assertThat(refusals(drl, "F-03", Map.of(0, bad), Map.of()))
				.containsExactly(new RuleEdit.Refusal("values/0", "vælg en af værdierne på listen"));
		}
	}

	@Test
	void refusesANumberOutsideWholeNumbersFrom0To150NamingTheField() {
		String drl = version("2023.01").files().get("derived.drl");
		for (String bad : List.of("abc", "-1", "151", "25.5", "1e3", "25 )", "0x19", "")) {
			assertThat(refusals(drl, "D-15", Map.of(0, bad), Map.of()))
				.containsExactly(new RuleEdit.Refusal("values/0", "skriv et helt tal fra 0 til 150"));
		}
		assertThat(refusals(drl, "D-15", Map.of(7, "30"), Map.of())).extracting(RuleEdit.Refusal::field)
			.containsExactly("values/7");
		assertThat(refusals(drl, "D-99", Map.of(0, "30"), Map.of())).extracting(RuleEdit.Refusal::field)
			.containsExactly("ruleId");
	}

	@Test
	void aTextIsDataThatCannotEndItsStringAndTheFileStaysValid() throws Refused {
		RuleVersionFiles files = version("2023.01");
		String drl = files.files().get("derived.drl");
		String attack = "Borgeren er fyldt 30 år.\") then System.exit(0); end rule \"x";
		assertThat(refusals(drl, "D-15", Map.of(), Map.of("da", attack))).singleElement().satisfies((refusal) -> {
			assertThat(refusal.field()).isEqualTo("texts/da");
			assertThat(refusal.message()).contains("anførselstegn");
		});
		assertThat(refusals(drl, "D-15", Map.of(), Map.of("en", "a \\\" b"))).singleElement()
			.satisfies((refusal) -> assertThat(refusal.message()).contains("omvendt skråstreg"));
		assertThat(refusals(drl, "D-15", Map.of(), Map.of("da", "to\nlinjer"))).singleElement()
			.satisfies((refusal) -> assertThat(refusal.message()).contains("U+000A"));
		assertThat(refusals(drl, "D-15", Map.of(), Map.of("da", "  "))).singleElement()
			.satisfies((refusal) -> assertThat(refusal.message()).contains("tom"));
		assertThat(refusals(drl, "D-15", Map.of(), Map.of("source", "../../etc/passwd")))
			.containsExactly(new RuleEdit.Refusal("texts/source", "vælg en af kilderne på listen"));
		assertThat(refusals(drl, "D-15", Map.of(), Map.of("nextDa", "Gør noget."))).extracting(RuleEdit.Refusal::field)
			.containsExactly("texts/nextDa");

		String danish = "Borgeren er fyldt 30 år (§ 1, stk. 2): den ventede lov gælder fra 30 år; KUI til unge under 30 – kommunens fortolkning.";
		String after = RuleEdit.apply(drl, "D-15", Map.of(0, "30"),
				Map.of("da", danish, "source", "001_d900a8dc3fc1bab9.txt"), SOURCES);
		assertThat(rule(after, "D-15").texts()).containsEntry("da", danish)
			.containsEntry("source", "001_d900a8dc3fc1bab9.txt");
		Map<String, String> edited = new HashMap<>(files.files());
		edited.put("derived.drl", after);
		assertThat(RuleLanguage.check(new RuleVersionFiles("2023.01", edited))).isEmpty();
	}

	@Test
	void offersNoFormForAFileThatDoesNotParse() {
		String drl = version("2023.01").files()
			.get("derived.drl")
			.replace("Profile( age >= 25 )", "Profile( age >= 25");
		assertThat(RuleEdit.rules(drl)).isEmpty();
		assertThat(refusals(drl, "D-15", Map.of(0, "30"), Map.of())).extracting(RuleEdit.Refusal::field)
			.containsExactly("ruleId");
	}

	@Test
	void addsAFlagRuleFromTheTemplateAtTheEndOfTheFileInTheRuleLanguage() throws Refused {
		RuleVersionFiles files = version("2023.01");
		String flags = files.files().get("flags.drl");
		Map<RuleEdit.TemplateCondition, String> conditions = new java.util.LinkedHashMap<>();
		conditions.put(RuleEdit.TemplateCondition.TIER, "CROSS_SECTOR");
		conditions.put(RuleEdit.TemplateCondition.AGE_UNDER, "30");
		RuleEdit.FlagTemplate template = new RuleEdit.FlagTemplate("F-20", "KUI_NETWORK_MEETING",
				Map.of("source", "002_4817490280accf0b.txt", "section", "a. KUI (Den Kommunale Unge Indsats)", "da",
						"Den unge er under 30 år i det tværgående samarbejde.", "en",
						"The young person is under 30 in cross-sector collaboration."),
				conditions);

		String after = RuleEdit.addFlagRule(flags, template, SOURCES, Set.of("F-05"));

		assertThat(after).startsWith(flags).endsWith("""

				rule "F-20 The young person is under 30 in cross-sector collaboration"
					@id("F-20")
					@source("002_4817490280accf0b.txt")
					@section("a. KUI (Den Kommunale Unge Indsats)")
					@da("Den unge er under 30 år i det tværgående samarbejde.")
					@en("The young person is under 30 in cross-sector collaboration.")
				when
					Profile( age < 30 )
					Outcome( tier == Tier.CROSS_SECTOR )
				then
					insert(new FlagRaised(Flag.KUI_NETWORK_MEETING));
				end
				""");
		Map<String, String> edited = new HashMap<>(files.files());
		edited.put("flags.drl", after);
		assertThat(RuleLanguage.check(new RuleVersionFiles("2023.01", edited))).isEmpty();
		assertThat(RuleEdit.remove(after, "F-20")).isEqualTo(flags);
	}

	@Test
	void refusesATemplateRuleWithAnyFieldOutsideItsAllowList() {
		String flags = version("2023.01").files().get("flags.drl");
		RuleEdit.FlagTemplate template = new RuleEdit.FlagTemplate("F-05", "NO_SUCH_FLAG",
				Map.of("source", "elsewhere.txt", "da", "Citat \" slut", "en", "", "nextDa", "Gør noget."),
				Map.of(RuleEdit.TemplateCondition.AGE_AT_LEAST, "200", RuleEdit.TemplateCondition.BENEFIT, "MONEY"));
		assertThat(assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> RuleEdit.addFlagRule(flags, template, SOURCES, Set.of("F-05")))
			.actual()
			.refusals()).extracting(RuleEdit.Refusal::field)
			.containsExactlyInAnyOrder("id", "flag", "texts/source", "texts/section", "texts/da", "texts/en",
					"texts/nextEn", "conditions/AGE_AT_LEAST", "conditions/BENEFIT");
		RuleEdit.FlagTemplate none = new RuleEdit.FlagTemplate("F-21", "KUI_NETWORK_MEETING",
				Map.of("source", "002_4817490280accf0b.txt", "section", "KUI", "da", "Tekst.", "en", "Text."),
				Map.of());
		assertThat(assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> RuleEdit.addFlagRule(flags, none, SOURCES, Set.of()))
			.actual()
			.refusals()).extracting(RuleEdit.Refusal::field).containsExactly("conditions");
	}

	@Test
	void removesARuleAndNothingElse() throws Refused {
		String flags = version("2023.01").files().get("flags.drl");
		String after = RuleEdit.remove(flags, "F-05");
		assertThat(RuleEdit.rules(after).orElseThrow()).extracting(Rule::id)
			.isEqualTo(RuleEdit.rules(flags)
				.orElseThrow()
				.stream()
				.map(Rule::id)
				.filter((id) -> !id.equals("F-05"))
				.toList());
		int start = flags.indexOf("rule \"F-05");
		int end = flags.indexOf("end\n", start) + "end\n".length();
		assertThat(after).isEqualTo(flags.substring(0, start - 1) + flags.substring(end));
	}

	private static List<RuleEdit.Refusal> refusals(String drl, String rule, Map<Integer, String> values,
			Map<String, String> texts) {
		return assertThatExceptionOfType(Refused.class)
			.isThrownBy(() -> RuleEdit.apply(drl, rule, values, texts, SOURCES))
			.actual()
			.refusals();
	}

	private static List<Value> values(Rule rule) {
		List<Value> values = new ArrayList<>();
		rule.conditions().forEach((condition) -> values.addAll(condition.values()));
		return values;
	}

	// another value the allow-list takes
	private static String other(Value value) {
		return switch (value.kind()) {
			case NUMBER -> String.valueOf((Integer.parseInt(value.value()) + 1) % (RuleEdit.MAX_NUMBER + 1));
			case YES_NO -> String.valueOf(!Boolean.parseBoolean(value.value()));
			case CHOICE -> value.choices().get((value.choices().indexOf(value.value()) + 1) % value.choices().size());
		};
	}

	// the two texts share a prefix and a suffix, and what lies between is one short span
	private static void assertOnlyOneSpanDiffers(String before, String after) {
		int prefix = 0;
		while (prefix < Math.min(before.length(), after.length()) && before.charAt(prefix) == after.charAt(prefix)) {
			prefix++;
		}
		int suffix = 0;
		while (suffix < Math.min(before.length(), after.length()) - prefix
				&& before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
			suffix++;
		}
		assertThat(after).isNotEqualTo(before);
		assertThat(before.length() - prefix - suffix).as("changed span before").isBetween(0, 60);
		assertThat(after.length() - prefix - suffix).as("changed span after").isBetween(0, 60);
	}

}
