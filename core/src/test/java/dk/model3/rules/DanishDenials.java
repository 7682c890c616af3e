package dk.model3.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;

/**
 * Reads off a Danish rule text what it denies about the citizen ("har ikke komplekse
 * problemer", "er hverken anbragt eller får indsatser efter serviceloven"), so a test can
 * hold each denial against the facts the rules derived for a profile. A denial is a term
 * of the glossary below standing after "ikke", "ingen", "hverken" or "uden" in the same
 * clause. The glossary names the citizen facts the texts talk about: the profile fields
 * and the facts derived.drl derives, by the name of their declared type.
 */
final class DanishDenials {

	/** A citizen fact a text can deny, and how to tell whether a citizen has it. */
	record Term(String name, Pattern words, Predicate<Citizen> holds) {
	}

	/** A profile and the names of the facts the rules derived for it. */
	record Citizen(Profile profile, Set<String> derived) {

		boolean has(Problem problem) {
			return this.profile.problems().contains(problem);
		}

	}

	// longer terms first: "meget komplekse" before "komplekse"
	static final List<Term> GLOSSARY = List.of(
			term("VeryComplex", "meget komplekse|kendetegn\\w*", (c) -> c.derived().contains("VeryComplex")),
			term("Complex", "komplekse", (c) -> c.derived().contains("Complex")),
			term("LabourMarketBenefit", "arbejdsmarkedsydelse", (c) -> c.derived().contains("LabourMarketBenefit")),
			term("placedOutOfHome", "anbragt\\w*", (c) -> c.profile().placedOutOfHome()),
			term("serviceActMeasures", "indsatser efter serviceloven", (c) -> c.profile().serviceActMeasures()),
			term("measuresSentence", "foranstaltningsdom", (c) -> c.profile().measuresSentence()),
			term("brainInjuryCoordination", "senhjerneskade\\w*", (c) -> c.profile().brainInjuryCoordination()),
			term("DISABILITY_PENSION", "førtidspension\\w*",
					(c) -> c.profile().benefit() == Benefit.DISABILITY_PENSION),
			term("OLD_AGE_PENSION", "folkepension\\w*", (c) -> c.profile().benefit() == Benefit.OLD_AGE_PENSION),
			term("SICKNESS_BENEFIT", "sygedagpenge\\w*", (c) -> c.profile().benefit() == Benefit.SICKNESS_BENEFIT),
			term("a benefit", "ydelse", (c) -> c.profile().benefit() != Benefit.NONE),
			term("NONE or VERY_LIMITED potential", "meget begrænset",
					(c) -> c.profile().employmentPotential() == EmploymentPotential.NONE
							|| c.profile().employmentPotential() == EmploymentPotential.VERY_LIMITED),
			// "er ikke vurderet" at the end of a clause: the potential is unknown
			term("assessed potential", "vurderet$",
					(c) -> c.profile().employmentPotential() != EmploymentPotential.UNKNOWN),
			term("DEVELOPMENTAL_DISABILITY", "udviklingshæm\\w*", (c) -> c.has(Problem.DEVELOPMENTAL_DISABILITY)),
			term("LOW_COGNITIVE_ABILITY", "svag begavelse|svagt begavet", (c) -> c.has(Problem.LOW_COGNITIVE_ABILITY)),
			term("ANXIETY", "angst", (c) -> c.has(Problem.ANXIETY)),
			term("AUTISM", "autisme", (c) -> c.has(Problem.AUTISM)), term("ADHD", "adhd", (c) -> c.has(Problem.ADHD)),
			term("two or more departments", "afdelinger",
					(c) -> c.profile().departmentsInvolved() != null && c.profile().departmentsInvolved() >= 2));

	// "uden for hjemmet" is a place, not a denial
	private static final Pattern NEGATION = Pattern.compile("\\b(ikke|ingen|hverken|uden(?! for))\\b",
			Pattern.UNICODE_CHARACTER_CLASS);

	// a clause ends at a full stop, semicolon, colon or bracket, and before a new verb
	// phrase joined by "og", "men", "så" or "som"
	private static final Pattern CLAUSE_BREAK = Pattern.compile("[.;:()\"]|,? og |, men |, så |, som | men ");

	private DanishDenials() {
	}

	private static Term term(String name, String words, Predicate<Citizen> holds) {
		return new Term(name, Pattern.compile("\\b(" + words + ")\\b", Pattern.UNICODE_CHARACTER_CLASS), holds);
	}

	/** The glossary terms the text denies, in glossary order. */
	static List<Term> in(String text) {
		List<Term> denied = new ArrayList<>();
		for (String clause : CLAUSE_BREAK.split(text.toLowerCase(Locale.ROOT))) {
			Matcher negation = NEGATION.matcher(clause);
			if (negation.find()) {
				denied.addAll(termsIn(clause.substring(negation.end()).strip()));
			}
		}
		return denied;
	}

	private static List<Term> termsIn(String scope) {
		List<Term> found = new ArrayList<>();
		String rest = scope;
		for (Term term : GLOSSARY) {
			Matcher matcher = term.words().matcher(rest);
			if (matcher.find()) {
				found.add(term);
				// blank the words out so "komplekse" does not match again inside "meget
				// komplekse"
				rest = matcher.replaceAll((match) -> " ".repeat(match.group().length()));
			}
		}
		return found;
	}

}
