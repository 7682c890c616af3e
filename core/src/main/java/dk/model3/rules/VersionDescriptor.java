package dk.model3.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A version folder's {@code version.yaml}: its id, title, in-force date, sources and
 * changes.
 */
public record VersionDescriptor(String id, String title, LocalDate inForceFrom, List<String> sources,
		List<String> changes) {

	public VersionDescriptor {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		changes = (changes != null) ? List.copyOf(changes) : List.of();
	}

}
