package dk.model3.publishing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.AopInfrastructureBean;

/**
 * The start-up sequence of the rules, explicit and in one place: every
 * {@link BeforeFirstLoad} step in its order (seed the repository of versions, write the
 * served folder, bring in a shared repository's publications), then the reloader's first
 * load. {@link RulesStartupConfiguration} runs it once, on a thread of its own while
 * Spring creates the other beans; no bean's constructor loads or compiles rules and no
 * bean names another to force an order.
 */
class RulesStartup {

	private static final Logger log = LoggerFactory.getLogger(RulesStartup.class);

	private final List<BeforeFirstLoad> steps;

	private final RuleReloader reloader;

	RulesStartup(List<BeforeFirstLoad> steps, RuleReloader reloader) {
		this.steps = List.copyOf(steps);
		this.reloader = reloader;
	}

	/** Runs the steps, then the first load; fails when no version can serve. */
	FirstLoad run() {
		this.steps.forEach((step) -> {
			log.debug("Start-up: {}", step.name());
			step.prepare();
		});
		return new FirstLoad(this.reloader.start());
	}

	/**
	 * The first load, done: what it loaded. A token no aspect advises: marked so that the
	 * auto-proxy creator does not look up the advisors from the background thread, which
	 * Spring refuses while a start that failed elsewhere (a short password) closes the
	 * context, burying the operator's one-line report under a stack trace.
	 */
	record FirstLoad(ReloadResult result) implements AopInfrastructureBean {
	}

}
