package dk.model3.replicas;

import dk.model3.instance.InstanceId;
import dk.model3.rules.versions.RuleVersions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of the readiness group ({@code /actuator/health/readiness}): an instance takes
 * traffic only once at least one rule version serves. A version waiting for its
 * completeness check does not count. Liveness does not look at the rules: an instance
 * without rules is not ready, but restarting it would not help.
 */
@Component("rulesHealthIndicator")
class RulesReadiness implements HealthIndicator {

	private final RuleVersions versions;

	private final InstanceId instance;

	private final ObjectProvider<PublishedRules> published;

	RulesReadiness(RuleVersions versions, InstanceId instance, ObjectProvider<PublishedRules> published) {
		this.versions = versions;
		this.instance = instance;
		this.published = published;
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
		return health.build();
	}

}
