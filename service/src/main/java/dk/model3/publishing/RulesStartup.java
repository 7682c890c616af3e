package dk.model3.publishing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The start-up sequence of the rules, explicit and in one place: every
 * {@link BeforeFirstLoad} step in its order (seed the repository of versions, write the
 * served folder, bring in a shared repository's publications), then the reloader's first
 * load. Runs once the beans exist and before the web server takes requests (an earlier
 * phase than the server's), so no bean's constructor loads or compiles rules and no bean
 * names another to force an order.
 */
@Component
class RulesStartup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RulesStartup.class);

	// the web server starts at DEFAULT_PHASE - 1024: the rules are in service before it
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

	private final ObjectProvider<BeforeFirstLoad> steps;

	private final RuleReloader reloader;

	private volatile boolean running;

	RulesStartup(ObjectProvider<BeforeFirstLoad> steps, RuleReloader reloader) {
		this.steps = steps;
		this.reloader = reloader;
	}

	@Override
	public void start() {
		this.steps.orderedStream().forEach((step) -> {
			log.debug("Start-up: {}", step.name());
			step.prepare();
		});
		this.reloader.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
