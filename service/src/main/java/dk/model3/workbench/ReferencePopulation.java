package dk.model3.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import dk.model3.facts.Profile;
import dk.model3.population.PopulationReader;
import dk.model3.request.TriageRequest;

/**
 * The population the impact preview runs over: the committed 2,500 citizens
 * (fixtures/population-2500.jsonl, packaged in the jar) or a file given in
 * {@code triage.workbench.population}; each line a triage request, read by the API's own
 * request reader. Case references are pseudonyms of the fixture (never CPR numbers, which
 * the reader refuses).
 */
record ReferencePopulation(String name, List<Profile> profiles, Map<Profile, String> references) {

	static final String PACKAGED = "workbench/population-2500.jsonl";

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
		PopulationReader.Population read = PopulationReader.read(in);
		if (!read.rejects().isEmpty()) {
			PopulationReader.Reject first = read.rejects().get(0);
			throw new InvalidDraftRequest("population",
					name + " line " + first.line() + ": not a triage request: " + first.reason());
		}
		List<Profile> profiles = new ArrayList<>();
		Map<Profile, String> references = new IdentityHashMap<>();
		for (TriageRequest request : read.requests()) {
			Profile profile = request.profile();
			profiles.add(profile);
			references.put(profile, request.citizenRef());
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
