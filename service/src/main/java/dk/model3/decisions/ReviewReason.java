package dk.model3.decisions;

import dk.model3.rules.Text;

/**
 * Why a caseworker overrode a recommendation: a fixed list of codes, so the review holds
 * no free text that could carry personal data, and the reasons can be counted.
 */
public enum ReviewReason {

	INFORMATION_NOT_IN_PROFILE("Sagen rummer oplysninger, som profilen ikke har felter til",
			"The case holds information the profile has no fields for"),

	PROFILE_FACT_WRONG("En oplysning i profilen viste sig at være forkert eller forældet",
			"A fact in the profile turned out to be wrong or out of date"),

	CIRCUMSTANCES_CHANGED("Borgerens situation har ændret sig siden vurderingen",
			"The citizen's situation has changed since the assessment"),

	PROFESSIONAL_ASSESSMENT("Faglig vurdering af borgerens samlede situation",
			"Professional assessment of the citizen's whole situation"),

	CITIZEN_PERSPECTIVE("Borgerens egne ønsker og mål, drøftet med borgeren",
			"The citizen's own wishes and goals, discussed with the citizen"),

	EXISTING_EFFORT_CONTINUES("En igangværende indsats skal fortsætte, hvor den er",
			"An ongoing effort continues where it is"),

	OTHER_AUTHORITY_DECIDED("En anden myndighed eller forvaltning har truffet afgørelse i sagen",
			"Another authority or department has decided in the case"),

	RULE_DOES_NOT_FIT("Reglen passer ikke til denne type sag", "The rule does not fit this kind of case");

	private final Text text;

	ReviewReason(String da, String en) {
		this.text = new Text(da, en);
	}

	public Text text() {
		return this.text;
	}

	/** The reason with this code, or null. */
	public static ReviewReason of(String code) {
		for (ReviewReason reason : values()) {
			if (reason.name().equals(code)) {
				return reason;
			}
		}
		return null;
	}

}
