package dk.model3.facts;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The profile's fields by name, for what reads them generically: the facts a rule used in
 * an explanation, the facts kept in the decision log.
 */
public final class ProfileFields {

	private static final Map<String, Method> ACCESSORS = Arrays.stream(Profile.class.getRecordComponents())
		.collect(Collectors.toUnmodifiableMap(RecordComponent::getName, RecordComponent::getAccessor));

	/** The field names, as the request and the rule files spell them. */
	public static final Set<String> NAMES = ACCESSORS.keySet();

	private ProfileFields() {
	}

	/** The field's value; a set of problems comes as a list, in contract order. */
	public static Object value(Profile profile, String field) {
		Method accessor = ACCESSORS.get(field);
		if (accessor == null) {
			throw new IllegalArgumentException("the profile has no field " + field);
		}
		try {
			Object value = accessor.invoke(profile);
			return (value instanceof Collection<?> collection) ? List.copyOf(collection) : value;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot read profile field " + field, ex);
		}
	}

}
