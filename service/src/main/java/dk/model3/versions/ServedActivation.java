package dk.model3.versions;

import dk.model3.publishing.ReloadResult;
import dk.model3.publishing.RuleReloader;
import dk.model3.rules.CompiledRules;

/**
 * Activation of an instance on its own: {@code main} checked out to the served folder,
 * and the reloader puts the new version in service without a restart.
 */
final class ServedActivation implements Activation {

	private final VersionStore store;

	private final ServedFolder served;

	private final RuleReloader reloader;

	ServedActivation(VersionStore store, ServedFolder served, RuleReloader reloader) {
		this.store = store;
		this.served = served;
		this.reloader = reloader;
	}

	@Override
	public ReloadResult activate(CompiledRules checked) {
		this.served.update(this.store.mainFiles());
		return this.reloader.reload(checked);
	}

}
