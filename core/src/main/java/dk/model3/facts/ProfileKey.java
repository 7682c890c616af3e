package dk.model3.facts;

import java.util.List;

/**
 * A profile packed into one long, as a key for what is kept per profile (the batch's
 * decisions, the facts a rule shows): hashing and comparing a long costs next to nothing,
 * where a {@link Profile} record hashes and compares a set. Two profiles get the same key
 * only when they are equal; a profile with a value that does not fit (none that
 * {@code RequestReader} lets through) gets {@link #NONE} and is not kept.
 */
public final class ProfileKey {

	public static final long NONE = -1;

	// bits: age 0-7, benefit 8-12, employment potential 13-16, problems 17-48, the four
	// yes/no facts 49-52, departments involved 53-59; 0 stands for an absent value
	private static final boolean FITS = Benefit.values().length < 31 && EmploymentPotential.values().length < 15
			&& Problem.values().length <= 32;

	private ProfileKey() {
	}

	public static long of(Profile profile) {
		if (!FITS || profile.age() < 0 || profile.age() > 255) {
			return NONE;
		}
		Integer departments = profile.departmentsInvolved();
		if (departments != null && (departments < 0 || departments > 126)) {
			return NONE;
		}
		long problems = 0;
		for (Problem problem : profile.problems()) {
			problems |= 1L << problem.ordinal();
		}
		long key = profile.age();
		key |= (long) ordinal(profile.benefit()) << 8;
		key |= (long) ordinal(profile.employmentPotential()) << 13;
		key |= problems << 17;
		key |= bit(profile.brainInjuryCoordination()) << 49;
		key |= bit(profile.measuresSentence()) << 50;
		key |= bit(profile.placedOutOfHome()) << 51;
		key |= bit(profile.serviceActMeasures()) << 52;
		key |= (long) ((departments != null) ? departments + 1 : 0) << 53;
		return key;
	}

	/**
	 * The key with its bits mixed (a bijection, so still one key per profile): the packed
	 * fields sit in the high and the low half alike, and {@link Long#hashCode()} folds
	 * the halves onto each other, which made hash maps of raw keys collide by the
	 * thousand.
	 */
	public static long mixed(long key) {
		long z = key;
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

	/**
	 * The key of only these fields of the profile: two profiles get the same one exactly
	 * when these fields are equal (the facts a rule rests on).
	 */
	public static long of(Profile profile, List<String> fields) {
		return only(of(profile), fields);
	}

	/** The same from the whole profile's key. */
	public static long only(long key, List<String> fields) {
		return (key == NONE) ? NONE : key & mask(fields);
	}

	private static long mask(List<String> fields) {
		long mask = 0;
		for (String field : fields) {
			mask |= switch (field) {
				case "age" -> 0xFFL;
				case "benefit" -> 0x1FL << 8;
				case "employmentPotential" -> 0xFL << 13;
				case "problems" -> 0xFFFF_FFFFL << 17;
				case "brainInjuryCoordination" -> 1L << 49;
				case "measuresSentence" -> 1L << 50;
				case "placedOutOfHome" -> 1L << 51;
				case "serviceActMeasures" -> 1L << 52;
				case "departmentsInvolved" -> 0x7FL << 53;
				default -> throw new IllegalArgumentException("the profile has no field " + field);
			};
		}
		return mask;
	}

	private static int ordinal(Enum<?> value) {
		return (value != null) ? value.ordinal() + 1 : 0;
	}

	private static long bit(boolean value) {
		return value ? 1 : 0;
	}

}
