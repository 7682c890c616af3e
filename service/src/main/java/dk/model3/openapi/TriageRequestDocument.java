package dk.model3.openapi;

import java.time.LocalDate;
import java.util.Set;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The triage request as the contract describes it, for the OpenAPI document only: the
 * endpoint reads its body with {@code RequestReader}, so this record is never
 * deserialised. A test holds its properties to the reader's fields.
 */
@Schema(name = "TriageRequest", description = "One citizen's profile to triage. Unknown fields are refused.",
		additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
record TriageRequestDocument(@Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9._:-]{1,64}$",
		minLength = 1, maxLength = 64, example = "case-2024-0001",
		description = "Opaque case reference. A CPR number is refused: the service never takes personal identifiers.") String citizenRef,
		@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = "125", example = "34",
				description = "Age in whole years on the assessment date.") Integer age,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, example = "2024-03-01",
				description = "Default: today in Europe/Copenhagen. Picks the rule version in force.") LocalDate assessmentDate,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, example = "2023.01",
				description = "Pins a rule version; an unknown version is refused with 404.") String rulesVersion,
		@Schema(requiredMode = RequiredMode.REQUIRED,
				description = "The benefit the citizen receives.") Benefit benefit,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, defaultValue = "UNKNOWN",
				description = "Employment potential as assessed.") EmploymentPotential employmentPotential,
		@ArraySchema(uniqueItems = true, arraySchema = @Schema(requiredMode = RequiredMode.NOT_REQUIRED,
				description = "Problems, each at most once; the first five are the markers of very complex problems.")) Set<Problem> problems,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, defaultValue = "false",
				description = "Covered by the late-brain-injury coordinator scheme.") Boolean brainInjuryCoordination,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, defaultValue = "false",
				description = "Sentenced to a measures sentence (foranstaltningsdom).") Boolean measuresSentence,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, defaultValue = "false",
				description = "Placed out of home (anbragt).") Boolean placedOutOfHome,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, defaultValue = "false",
				description = "Receives measures under the Social Services Act.") Boolean serviceActMeasures,
		@Schema(requiredMode = RequiredMode.NOT_REQUIRED, minimum = "0", maximum = "20",
				description = "Municipal departments already involved in the case.") Integer departmentsInvolved) {

}
