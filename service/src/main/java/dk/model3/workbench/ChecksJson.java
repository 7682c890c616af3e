package dk.model3.workbench;

import java.util.List;

/**
 * GET /api/v1/drafts/{id}/checks as the contract names it: whether checks run, whether
 * the last results are for the draft's files as they are, whether every check passed, and
 * each check's findings.
 */
record ChecksJson(boolean running, String runningCheck, boolean upToDate, boolean passed, String checksum,
		List<CheckResults.Problem> validation, CheckResults.Scenarios scenarios, CheckResults.Coverage coverage,
		CheckResults.Completeness completeness, CheckResults.Preview preview, java.util.Map<String, Long> millis) {

	static ChecksJson of(Drafts.ChecksView view) {
		CheckResults results = view.results();
		if (results == null) {
			return new ChecksJson(view.running(), view.runningCheck(), false, false, null, List.of(), null, null, null,
					null, java.util.Map.of());
		}
		return new ChecksJson(view.running(), view.runningCheck(), view.upToDate(), view.passed(), results.checksum(),
				results.validation(), results.scenarios(), results.coverage(), results.completeness(),
				results.preview(), results.millis());
	}

}
