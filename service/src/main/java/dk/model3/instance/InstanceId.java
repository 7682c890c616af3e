package dk.model3.instance;

/**
 * The id of this instance among the instances behind one load balancer
 * ({@code triage.instance-id}; by default the host name and the port).
 */
public record InstanceId(String value) {

	public InstanceId {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("triage.instance-id must not be blank");
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
