package dk.model3.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * A version folder's {@code version.yaml}: its id, title, in-force date, sources and
 * changes, and under {@code da} the title and changes in Danish for the Danish pages.
 */
public record VersionDescriptor(String id, String title, LocalDate inForceFrom, List<String> sources,
		List<String> changes, Danish da) {

	public VersionDescriptor {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		changes = (changes != null) ? List.copyOf(changes) : List.of();
		da = (da != null) ? da : new Danish(null, List.of());
	}

	/** The Danish title, or the English one when the descriptor gives none. */
	public String titleDa() {
		return (this.da.title() != null) ? this.da.title() : this.title;
	}

	/**
	 * {@code version.yaml}'s {@code da:} block: the title and the change notes in Danish,
	 * as the Danish catalogue and workbench show them.
	 */
	public record Danish(String title, List<String> changes) {

		public Danish {
			changes = (changes != null) ? List.copyOf(changes) : List.of();
		}

	}

}
