package dk.model3.replicas;

import java.util.LinkedHashMap;
import java.util.Map;

import dk.model3.instance.InstanceId;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.rules.versions.RuleVersions;
import dk.model3.versions.RepositoryDamaged;
import dk.model3.versions.VersionStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness group ({@code /actuator/health/readiness}): an instance takes
 * traffic only once at least one rule version serves. A version waiting for its
 * completeness check does not count. Liveness does not look at the rules: an instance
 * without rules is not ready, but restarting it would not help. The workbench's
 * repository is shown beside the rules ({@code workbench}: {@code UP}, or {@code DOWN}
 * with the damaged repository and object) without making the instance unready: triage
 * serves from the served folder whatever the repository's state.
 */
@Component("rulesHealthIndicator")
class RulesReadiness implements HealthIndicator {

	private final RuleVersions versions;

	private final InstanceId instance;

	private final ObjectProvider<PublishedRules> published;

	private final ObjectProvider<VersionStore> store;

	RulesReadiness(RuleVersions versions, InstanceId instance, ObjectProvider<PublishedRules> published,
			ObjectProvider<VersionStore> store) {
		this.versions = versions;
		this.instance = instance;
		this.published = published;
		this.store = store;
	}

	@Override
	public Health health() {
		var active = this.versions.active();
		Health.Builder health = active.isEmpty() ? Health.outOfService() : Health.up();
		health.withDetail("instance", this.instance.value())
			.withDetail("active", active.stream().map((rules) -> rules.version() + " " + rules.checksum()).toList());
		PublishedRules following = this.published.getIfAvailable();
		if (following != null) {
			health.withDetail("lastFetch", String.valueOf(following.lastFetch()))
				.withDetail("refusedPublications", following.refused().keySet());
			if (following.lastError() != null) {
				health.withDetail("lastError", following.lastError());
			}
		}
		VersionStore workbench = this.store.getIfAvailable();
		if (workbench != null) {
			health.withDetail("workbench", workbench.damage().map(RulesReadiness::down).orElse(Map.of("status", "UP")));
		}
		return health.build();
	}

	private static Map<String, String> down(RepositoryDamaged damage) {
		Map<String, String> down = new LinkedHashMap<>();
		down.put("status", "DOWN");
		down.put("repository", damage.repository().toString());
		down.put("object", String.valueOf(damage.object()));
		down.put("reason", damage.getMessage());
		return down;
	}

}
