package dk.model3.population;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import dk.model3.request.TriageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PopulationReaderTests {

	private static final String LINES = """
			{"citizenRef":"P-1","age":30,"benefit":"CASH_BENEFIT","problems":["HOMELESSNESS"]}

			{"citizenRef":"P-2","age":-4,"benefit":"CASH_BENEFIT"}
			not json
			{"citizenRef":"P-3","age":17,"benefit":"NONE"}
			""";

	@Test
	void readsEachLineAsTheApiWouldAndKeepsEveryBadLineWithItsNumber(@TempDir Path dir) throws IOException {
		Path plain = dir.resolve("population.jsonl");
		Files.writeString(plain, LINES);
		Path gzipped = dir.resolve("population.jsonl.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
			out.write(LINES.getBytes(StandardCharsets.UTF_8));
		}
		for (Path file : new Path[] { plain, gzipped }) {
			PopulationReader.Population read = PopulationReader.read(file);
			assertThat(read.requests()).extracting(TriageRequest::citizenRef).containsExactly("P-1", "P-3");
			assertThat(read.requests().get(0).profile().age()).isEqualTo(30);
			assertThat(read.rejects()).extracting(PopulationReader.Reject::line).containsExactly(3, 4);
			assertThat(read.rejects().get(0).reason()).contains("age");
		}
	}

}
