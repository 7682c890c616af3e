package dk.model3.spark;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Date;

import dk.model3.response.ResponseJson;
import dk.model3.response.ResponseTemplates;
import org.apache.spark.sql.api.java.UDF3;

/**
 * The full contract response of a row, as the batch writes it: the version's decision for
 * the row's profile, with the row's own facts in the explanation, written from
 * {@link ResponseTemplates} over {@link ResponseJson#mapper()}. Only with
 * {@code --responses}: a response is kilobytes, the decision a few bytes.
 */
final class ResponseLines implements UDF3<Long, String, Date, String>, Serializable {

	// one per executor JVM, shared by its tasks: a response's shape is cut into a
	// template
	// once, and each row's answer is copied from it (the batch's and the API's bytes)
	private static final ResponseTemplates TEMPLATES = new ResponseTemplates(ResponseJson.mapper());

	private final ShippedVersion version;

	ResponseLines(ShippedVersion version) {
		this.version = version;
	}

	@Override
	public String call(Long code, String citizenRef, Date date) {
		return new String(TEMPLATES.bytes(ExecutorRules.of(this.version).evaluate(ProfileCodes.decode(code)), null,
				citizenRef, date.toLocalDate()), StandardCharsets.UTF_8);
	}

}
