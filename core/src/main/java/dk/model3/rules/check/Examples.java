package dk.model3.rules.check;

import java.util.ArrayList;
import java.util.List;

/**
 * How many profiles share a finding, with the first few of them as examples: enough to
 * act on without printing millions of lines.
 */
public final class Examples<T> {

	private final int limit;

	private long count;

	private final List<T> examples = new ArrayList<>();

	Examples(int limit) {
		this.limit = limit;
	}

	void add(T example) {
		add(example, 1);
	}

	/** An example that stands for {@code profiles} profiles alike. */
	void add(T example, long profiles) {
		this.count += profiles;
		if (this.examples.size() < this.limit) {
			this.examples.add(example);
		}
	}

	/** Adds another tally after this one; its examples come after these. */
	void merge(Examples<T> other) {
		this.count += other.count;
		for (T example : other.examples) {
			if (this.examples.size() < this.limit) {
				this.examples.add(example);
			}
		}
	}

	public long count() {
		return this.count;
	}

	public List<T> examples() {
		return List.copyOf(this.examples);
	}

}
