package dk.model3.batch;

import java.util.ArrayList;
import java.util.List;

/** What a chunk of lines produced, built by one worker and written in input order. */
final class ChunkResult {

	final Bytes output;

	final Bytes changed = new Bytes(256);

	final List<Reject> rejects = new ArrayList<>();

	final Tally primary = new Tally();

	final Tally compared = new Tally();

	final Comparison comparison = new Comparison();

	long lines;

	long written;

	ChunkResult(Bytes.Blocks blocks) {
		this.output = new Bytes(blocks);
	}

}
