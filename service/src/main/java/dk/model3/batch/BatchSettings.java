package dk.model3.batch;

import java.time.LocalDate;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.versions.RuleVersions;

/**
 * How to classify: the registry, the pinned version (null: the line's own pin, else the
 * version in force on its date), the version to compare with (null: none) and the date
 * for lines without one.
 */
record BatchSettings(RuleVersions versions, String pinned, CompiledRules compareWith, LocalDate defaultDate) {

}
