package dk.model3.decisions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dk.model3.audit.DecisionLogFiles;
import dk.model3.audit.ReviewRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reviews}: the summary of caseworkers' reviews that {@code GET
 * /api/v1/reviews/summary} gives, read from decision-log files, e.g. a copy of the
 * production log or an archive.
 */
@Command(name = "reviews", mixinStandardHelpOptions = true,
		description = "Summarise caseworkers' reviews in decision-log files (JSON, as GET /api/v1/reviews/summary).")
public final class ReviewsCommand implements Callable<Integer> {

	@Option(names = "--version", paramLabel = "VERSION",
			description = "only reviews of decisions made under this rule version, e.g. 2023.01")
	String version;

	@Parameters(arity = "1..*", paramLabel = "LOG",
			description = "decision-log files (decisions-*.jsonl) or directories holding them (a shared folder: its per-instance sub-folders too)")
	List<Path> inputs;

	@Override
	public Integer call() {
		List<ReviewRecord> reviews = new ArrayList<>();
		try {
			for (Path file : DecisionLogFiles.in(this.inputs)) {
				reviews.addAll(DecisionLogFiles.reviews(file, (problem) -> System.err.println("reviews: " + problem)));
			}
		}
		catch (IOException ex) {
			System.err.println("reviews: cannot read " + ex.getMessage());
			return 2;
		}
		ReviewSummary summary = ReviewSummary.of(reviews, this.version);
		System.out.println(
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(summary));
		return 0;
	}

}
