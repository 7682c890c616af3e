package dk.model3.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code triage.*} limits of the API: the largest request body it reads, and how long the
 * whole body may take to arrive.
 */
@ConfigurationProperties("triage")
record TriageProperties(@DefaultValue("65536") long maxRequestBytes, @DefaultValue("5s") Duration requestBodyDeadline) {

}
