package dk.model3.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a population held in memory (the diff's, the workbench's preview): JSON Lines,
 * one triage request per line, each read by the API's own request reader, so a line is
 * taken exactly when the API would take it. A bad line is kept as a reject with its
 * number; blank lines are skipped. The batch streams its input instead
 * ({@code dk.model3.batch}).
 */
public final class PopulationReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PopulationReader() {
	}

	/** The requests read, in the file's order, and the lines refused. */
	public record Population(List<TriageRequest> requests, List<Reject> rejects) {
	}

	/** A line that is not a triage request, and why. */
	public record Reject(int line, String reason) {
	}

	/** A population file, gzipped when its name ends in {@code .gz}. */
	public static Population read(Path file) throws IOException {
		try (InputStream raw = Files.newInputStream(file)) {
			return read(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw);
		}
	}

	public static Population read(InputStream in) throws IOException {
		List<TriageRequest> requests = new ArrayList<>();
		List<Reject> rejects = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					requests.add(RequestReader.read(JSON.readTree(line)));
				}
				catch (InvalidRequest | JacksonException ex) {
					rejects.add(new Reject(number, ex.getMessage()));
				}
			}
		}
		return new Population(List.copyOf(requests), List.copyOf(rejects));
	}

}
