package dk.model3.decisions;

import java.util.Map;

import dk.model3.facts.Area;
import dk.model3.facts.Flag;
import dk.model3.facts.Status;
import dk.model3.facts.Tier;
import dk.model3.rules.Text;

/**
 * The contract's values and request fields in words a caseworker reads, Danish and
 * English. A value without words here (a flag added later, say) is shown as its code.
 */
public final class Labels {

	private static final Map<Status, Text> STATUSES = Map.of(Status.PLACED,
			new Text("placeret i et spor", "placed in a tier"), Status.OUT_OF_SCOPE,
			new Text("uden for målgruppen for model 3", "outside the target group of model 3"), Status.MANUAL_REVIEW,
			new Text("kræver en manuel vurdering", "needs a manual assessment"));

	private static final Map<Tier, Text> TIERS = Map.of(Tier.EMPLOYMENT_ONLY,
			new Text("spor 1, beskæftigelsesindsats", "tier 1, employment effort"), Tier.CROSS_SECTOR,
			new Text("spor 2, tværgående samarbejde", "tier 2, cross-sector collaboration"), Tier.PENSION_SOCIAL,
			new Text("spor 3, pension og socialområdet", "tier 3, pension and the social area"));

	private static final Map<Area, Text> AREAS = Map.of(Area.EMPLOYMENT, new Text("beskæftigelse", "employment"),
			Area.SOCIAL, new Text("socialområdet", "the social area"), Area.HEALTH_AND_CARE,
			new Text("sundhed og omsorg", "health and care"), Area.CHILDREN_AND_FAMILY,
			new Text("børn og familie", "children and family"));

	private static final Map<String, Text> FLAGS = Map.of("YOUTH_15_17_EXCEPTION",
			new Text("undtagelsen for 15-17-årige: placeret i beskæftigelsesindsatsen",
					"the exception for 15 to 17 year olds: placed in the employment effort"),
			"YOUTH_15_17_SOCIAL_ANCHOR",
			new Text("15-17-årig, hvis sag bliver i socialområdet",
					"a 15 to 17 year old whose case stays in the social area"),
			"BRAIN_INJURY_EXCLUSION",
			new Text("omfattet af ordningen for senhjerneskade: ikke i det tværgående spor",
					"covered by the brain-injury scheme: not in the cross-sector tier"),
			"SICKNESS_BENEFIT_STAYS_IN_EMPLOYMENT",
			new Text("en sygedagpengesag bliver i beskæftigelsesområdet",
					"a sickness-benefit case stays in the employment area"),
			"MEASURES_SENTENCE",
			new Text("dømt til foranstaltning: sagen hører til socialområdet",
					"sentenced to measures: the case belongs to the social area"),
			"YOUTH_COORDINATION_COMMITTEE",
			new Text("sagen går til ungekoordinationsudvalget", "the case goes to the youth coordination committee"),
			"JOINT_PLAN_OFFER", new Text("borgeren tilbydes en samlet plan", "the citizen is offered a joint plan"),
			"KUI_NETWORK_MEETING", new Text("der holdes et KUI-netværksmøde", "a KUI network meeting is held"),
			"TRANSITION_TO_ADULTHOOD", new Text("overgangen til voksenlivet", "the transition to adulthood"));

	private static final Map<String, Text> FIELDS = Map.of("age", new Text("alder", "age"), "benefit",
			new Text("ydelse", "benefit"), "employmentPotential",
			new Text("arbejdsevne (beskæftigelsespotentiale)", "employment potential"), "problems",
			new Text("problemer", "problems"), "brainInjuryCoordination",
			new Text("omfattet af koordinatorordningen for senhjerneskade", "covered by the brain-injury scheme"),
			"measuresSentence", new Text("dømt til foranstaltning", "sentenced to measures"), "placedOutOfHome",
			new Text("anbragt uden for hjemmet", "placed out of home"), "serviceActMeasures",
			new Text("modtager foranstaltninger efter serviceloven", "receives measures under the Social Services Act"),
			"departmentsInvolved", new Text("forvaltninger involveret i sagen", "departments involved in the case"));

	// the request's enum values, by field and code ("NONE" is both a benefit and a
	// potential)
	private static final Map<String, Text> VALUES = Map.ofEntries(
			Map.entry("benefit.CASH_BENEFIT", new Text("kontanthjælp", "cash benefit")),
			Map.entry("benefit.EDUCATION_BENEFIT", new Text("uddannelseshjælp", "education benefit")),
			Map.entry("benefit.SICKNESS_BENEFIT", new Text("sygedagpenge", "sickness benefit")),
			Map.entry("benefit.RESOURCE_COURSE_BENEFIT", new Text("ressourceforløbsydelse", "resource course benefit")),
			Map.entry("benefit.JOB_CLARIFICATION_BENEFIT",
					new Text("ydelse under jobafklaringsforløb", "job clarification benefit")),
			Map.entry("benefit.FLEXJOB_UNEMPLOYMENT_BENEFIT",
					new Text("ledighedsydelse", "flexjob unemployment benefit")),
			Map.entry("benefit.UNEMPLOYMENT_INSURANCE", new Text("arbejdsløshedsdagpenge", "unemployment insurance")),
			Map.entry("benefit.INTEGRATION_BENEFIT", new Text("integrationsydelse", "integration benefit")),
			Map.entry("benefit.DISABILITY_PENSION", new Text("førtidspension", "disability pension")),
			Map.entry("benefit.OLD_AGE_PENSION", new Text("folkepension", "old-age pension")),
			Map.entry("benefit.NONE", new Text("ingen ydelse", "no benefit")),
			Map.entry("employmentPotential.PRESENT", new Text("til stede", "present")),
			Map.entry("employmentPotential.VERY_LIMITED", new Text("meget begrænset", "very limited")),
			Map.entry("employmentPotential.NONE", new Text("intet", "none")),
			Map.entry("employmentPotential.UNKNOWN", new Text("ikke vurderet", "not assessed")),
			Map.entry("problems.SEVERE_MENTAL_ILLNESS",
					new Text("svære psykiske vanskeligheder", "severe mental illness")),
			Map.entry("problems.EXTENSIVE_PHYSICAL_DISABILITY",
					new Text("vidtgående fysisk handicap", "extensive physical disability")),
			Map.entry("problems.SERIOUS_FAMILY_PROBLEMS",
					new Text("alvorlige familiemæssige problemer", "serious family problems")),
			Map.entry("problems.HOMELESSNESS", new Text("hjemløshed", "homelessness")),
			Map.entry("problems.SEVERE_SUBSTANCE_ABUSE", new Text("meget alvorligt misbrug", "severe substance abuse")),
			Map.entry("problems.MENTAL_HEALTH_PROBLEMS", new Text("psykiske problemer", "mental health problems")),
			Map.entry("problems.PHYSICAL_HEALTH_PROBLEMS",
					new Text("fysiske helbredsproblemer", "physical health problems")),
			Map.entry("problems.SUBSTANCE_ABUSE", new Text("misbrug", "substance abuse")),
			Map.entry("problems.SOCIAL_PROBLEMS", new Text("sociale problemer", "social problems")),
			Map.entry("problems.ANXIETY", new Text("angst", "anxiety")),
			Map.entry("problems.LOW_COGNITIVE_ABILITY",
					new Text("lavt kognitivt funktionsniveau", "low cognitive ability")),
			Map.entry("problems.AUTISM", new Text("autisme", "autism")),
			Map.entry("problems.ADHD", new Text("ADHD", "ADHD")),
			Map.entry("problems.DEVELOPMENTAL_DISABILITY", new Text("udviklingshæmning", "developmental disability")));

	private Labels() {
	}

	/**
	 * A request field's value in plain words with its code, e.g. "kontanthjælp
	 * (CASH_BENEFIT)"; the code alone when it has no words here.
	 */
	public static String value(String field, String code, String lang) {
		Text text = VALUES.get(field + "." + code);
		return (text != null) ? pick(text, lang, code) + " (" + code + ")" : code;
	}

	public static String status(Status status, String lang) {
		return pick(STATUSES.get(status), lang, String.valueOf(status));
	}

	public static String tier(Tier tier, String lang) {
		return pick(TIERS.get(tier), lang, String.valueOf(tier));
	}

	public static String area(Area area, String lang) {
		return pick(AREAS.get(area), lang, String.valueOf(area));
	}

	/** What a flag means, in plain words. */
	public static String flag(Flag flag, String lang) {
		return pick(FLAGS.get(flag.name()), lang, flag.name());
	}

	/** A request field's name, in plain words. */
	public static String field(String field, String lang) {
		return pick(FIELDS.get(field), lang, field);
	}

	static String pick(Text text, String lang, String otherwise) {
		if (text == null) {
			return otherwise;
		}
		return "en".equals(lang) ? text.en() : text.da();
	}

}
