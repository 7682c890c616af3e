package dk.model3.publishing;

import org.springframework.core.Ordered;

/**
 * A step of the start-up sequence ({@link RulesStartup}) that puts rule folders in place
 * before the reloader first loads them: seeding the repository of versions, writing its
 * served folder, bringing in a shared repository's publications. Steps run in their
 * order, on the starting thread, each once.
 */
public interface BeforeFirstLoad extends Ordered {

	/** Seeds the repository of versions (a new shared one included). */
	int SEED = 10;

	/** Writes {@code main} to the served folder (an instance on its own). */
	int SERVED_FOLDER = 20;

	/** Brings the shared repository's publications into the rules folder (a follower). */
	int FOLLOWED = 30;

	/** What the step does, as the log names it. */
	String name();

	void prepare();

	static BeforeFirstLoad of(int order, String name, Runnable step) {
		return new BeforeFirstLoad() {

			@Override
			public int getOrder() {
				return order;
			}

			@Override
			public String name() {
				return name;
			}

			@Override
			public void prepare() {
				step.run();
			}

		};
	}

}
