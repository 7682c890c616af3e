package dk.model3.workbench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Profile;
import dk.model3.request.InvalidRequest;
import dk.model3.request.RequestReader;
import dk.model3.request.TriageRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The population the impact preview runs over: the committed 2,500 citizens
 * (fixtures/population-2500.jsonl, packaged in the jar) or a file given in
 * {@code triage.workbench.population}; each line a triage request, read by the API's own
 * request reader. Case references are pseudonyms of the fixture (never CPR numbers, which
 * the reader refuses).
 */
record ReferencePopulation(String name, List<Profile> profiles, Map<Profile, String> references) {

	static final String PACKAGED = "workbench/population-2500.jsonl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static ReferencePopulation load(String configured) {
		try {
			if (configured == null || configured.isBlank()) {
				try (InputStream in = ReferencePopulation.class.getClassLoader().getResourceAsStream(PACKAGED)) {
					if (in == null) {
						throw new IOException("the packaged reference population " + PACKAGED + " is missing");
					}
					return read("population-2500.jsonl", in);
				}
			}
			try (InputStream in = Files.newInputStream(Path.of(configured))) {
				return read(Path.of(configured).getFileName().toString(), in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ReferencePopulation read(String name, InputStream in) throws IOException {
		List<Profile> profiles = new ArrayList<>();
		Map<Profile, String> references = new IdentityHashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				TriageRequest request;
				try {
					request = RequestReader.read(JSON.readTree(line));
				}
				catch (InvalidRequest | JacksonException ex) {
					throw new InvalidDraftRequest("population",
							name + " line " + number + ": not a triage request: " + ex.getMessage());
				}
				Profile profile = request.profile();
				profiles.add(profile);
				references.put(profile, request.citizenRef());
			}
		}
		return new ReferencePopulation(name, List.copyOf(profiles), references);
	}

	/** A population sent with a check run: JSON Lines, each line a triage request. */
	static ReferencePopulation uploaded(String name, String text) {
		try {
			ReferencePopulation population = read(name,
					new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
			if (population.profiles().isEmpty()) {
				throw new InvalidDraftRequest("population", name + " holds no triage request");
			}
			return population;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String reference(Profile profile) {
		return this.references.get(profile);
	}

}
