package dk.model3.decisions;

import java.util.concurrent.Callable;

import dk.model3.audit.DatabaseOptions;
import dk.model3.audit.DecisionRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reviews}: the summary of caseworkers' reviews that {@code GET
 * /api/v1/reviews/summary} gives, read from the records database.
 */
@Command(name = "reviews", mixinStandardHelpOptions = true,
		description = "Summarise caseworkers' reviews in the records database (JSON, as GET /api/v1/reviews/summary).")
public final class ReviewsCommand implements Callable<Integer> {

	@Option(names = "--version", paramLabel = "VERSION",
			description = "only reviews of decisions made under this rule version, e.g. 2023.01")
	String version;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() {
		ReviewSummary summary;
		try {
			DecisionRecords records = this.database.open();
			summary = ReviewSummary.of(records.reviewCounts(this.version), this.version);
		}
		catch (IllegalStateException ex) {
			System.err.println("reviews: " + ex.getMessage());
			return 2;
		}
		catch (org.springframework.dao.DataAccessException ex) {
			System.err.println("reviews: cannot read the records database: " + ex.getMostSpecificCause().getMessage());
			return 2;
		}
		System.out.println(
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(summary));
		return 0;
	}

}
