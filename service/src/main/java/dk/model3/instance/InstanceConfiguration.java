package dk.model3.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The instance id: {@code triage.instance-id} when set (a deployment names each instance,
 * e.g. the pod name), otherwise the host name and the configured port, which tell the
 * instances of one host apart as long as each has its own port.
 */
@Configuration(proxyBeanMethods = false)
class InstanceConfiguration {

	@Bean
	InstanceId instanceId(Environment environment) {
		String configured = environment.getProperty("triage.instance-id", "");
		if (!configured.isBlank()) {
			return new InstanceId(configured.strip());
		}
		return new InstanceId(hostName() + ":" + environment.getProperty("server.port", "8080"));
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			// a host without a resolvable name still has one in the environment
			String fromEnvironment = System.getenv("HOSTNAME");
			return (fromEnvironment != null && !fromEnvironment.isBlank()) ? fromEnvironment : "localhost";
		}
	}

}
