package dk.model3.batch;

/** What a worker does with one line. */
interface LineHandler {

	void process(Line line, ChunkResult result);

}
