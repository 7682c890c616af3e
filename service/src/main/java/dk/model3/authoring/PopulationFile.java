package dk.model3.authoring;

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

import dk.model3.facts.Profile;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A population for the diff: JSON Lines, one triage request per line (gzip when the name
 * ends in .gz). Each line goes through the same request validation as the API; a bad line
 * is reported with its number and skipped.
 */
final class PopulationFile {

	record Population(List<Profile> profiles, List<String> rejects) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PopulationFile() {
	}

	static Population read(Path file) {
		List<Profile> profiles = new ArrayList<>();
		List<String> rejects = new ArrayList<>();
		try (InputStream raw = Files.newInputStream(file);
				InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					JsonNode node = JSON.readTree(line);
					profiles.add(RequestReader.read(node).profile());
				}
				catch (InvalidRequest | JacksonException ex) {
					rejects.add(file + ":" + number + ": " + ex.getMessage());
				}
			}
		}
		catch (IOException ex) {
			throw new CannotRun("Cannot read the population file " + file + ": " + ex.getMessage());
		}
		return new Population(profiles, rejects);
	}

}
