package dk.model3.versions;

import dk.model3.publishing.ReloadResult;
import dk.model3.rules.CompiledRules;

/**
 * Puts what {@code main} publishes in service on this instance, right after a
 * publication. Without a shared repository that is the served folder and the reloader
 * ({@link ServedActivation}); with one, the follower of package dk.model3.replicas
 * implements it, so the approving instance takes the version up at once through the same
 * checks as every other instance, which follow within their poll interval.
 */
public interface Activation {

	/**
	 * Brings the published versions in and reloads; what the reload did.
	 * @param checked the published version as the workbench's checks compiled and
	 * verified it, taken instead of compiling again when its checksum is the published
	 * folder's; or null
	 */
	ReloadResult activate(CompiledRules checked);

}
