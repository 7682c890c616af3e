package dk.model3.publishing;

import java.time.Instant;
import java.util.List;

import dk.model3.rules.RuleProblem;

/** The last time a version folder's files were refused: which files, when and why. */
record Refusal(String checksum, Instant at, List<RuleProblem> problems) {

}
