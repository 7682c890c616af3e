package dk.model3.rules;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;

/**
 * The whole input space of the contract (every age 0-125, benefit, potential, set of the
 * 14 problems, the four booleans, and no or 0-20 departments: about 32 billion profiles)
 * cut into the classes of profiles that share a decision in one version: profiles that
 * enter the same alpha memories of its rule network. One profile of each class, run
 * through the rules, stands for all of its class, so a check of every class is a check of
 * every profile.
 *
 * <p>
 * The classes are found without listing the space: the fields fall into groups that no
 * condition spans (each condition reads the fields of one group), each group's values are
 * sorted by which conditions they meet, and the groups are combined, keeping only the
 * distinct sets of alpha memories. Only for a version whose decisions may be shared (see
 * {@link ProfileConditions}).
 */
public final class ProfileClasses {

	/** Profiles of one class, and one of them to run. */
	public record ProfileClass(Profile representative, long profiles) {
	}

	/** Fields whose values a group may list: beyond this the classes are not computed. */
	static final long MAX_GROUP_VALUES = 20_000_000L;

	private static final String[] FIELDS = Arrays.stream(Profile.class.getRecordComponents())
		.map(RecordComponent::getName)
		.toArray(String[]::new);

	private final List<ProfileClass> classes;

	private ProfileClasses(List<ProfileClass> classes) {
		this.classes = List.copyOf(classes);
	}

	/**
	 * The classes of the version's whole input space; empty when the version does not
	 * share decisions (then only listing profiles checks it).
	 */
	public static Optional<ProfileClasses> of(CompiledRules rules) {
		ProfileConditions conditions = rules.conditions();
		if (conditions == null) {
			return Optional.empty();
		}
		List<int[]> groups = groups(conditions);
		long largest = groups.stream().mapToLong(ProfileClasses::values).max().orElse(0);
		if (largest > MAX_GROUP_VALUES) {
			return Optional.empty();
		}
		return Optional.of(new ProfileClasses(combine(conditions, groups)));
	}

	/**
	 * The classes of the profiles listed (the part of the space a check was given), each
	 * counted and stood for by its first profile; empty when the version does not share
	 * decisions.
	 */
	public static Optional<ProfileClasses> of(CompiledRules rules, Stream<Profile> profiles) {
		ProfileConditions conditions = rules.conditions();
		if (conditions == null) {
			return Optional.empty();
		}
		Map<ProfileConditions.Bits, ProfileClass> classes = new LinkedHashMap<>();
		profiles.forEachOrdered((profile) -> classes.merge(new ProfileConditions.Bits(conditions.memoriesOf(profile)),
				new ProfileClass(profile, 1),
				(seen, another) -> new ProfileClass(seen.representative(), seen.profiles() + 1)));
		return Optional.of(new ProfileClasses(new ArrayList<>(classes.values())));
	}

	public List<ProfileClass> classes() {
		return this.classes;
	}

	/** Every profile of the space: the sum over the classes. */
	public long profiles() {
		return this.classes.stream().mapToLong(ProfileClass::profiles).sum();
	}

	/** The values a field takes in the contract's input space. */
	static List<Object> domain(String field) {
		return switch (field) {
			case "age" -> new ArrayList<>(java.util.stream.IntStream.rangeClosed(0, 125).boxed().toList());
			case "benefit" -> List.of((Object[]) Benefit.values());
			case "employmentPotential" -> List.of((Object[]) EmploymentPotential.values());
			case "problems" -> problemSets();
			case "departmentsInvolved" -> {
				List<Object> values = new ArrayList<>();
				values.add(null);
				java.util.stream.IntStream.rangeClosed(0, 20).forEach(values::add);
				yield values;
			}
			default -> List.of(false, true);
		};
	}

	/** The size of the whole input space. */
	public static long spaceSize() {
		long size = 1;
		for (String field : FIELDS) {
			size *= domain(field).size();
		}
		return size;
	}

	private static List<Object> problemSets() {
		Problem[] all = Problem.values();
		List<Object> sets = new ArrayList<>(1 << all.length);
		for (int mask = 0; mask < (1 << all.length); mask++) {
			EnumSet<Problem> set = EnumSet.noneOf(Problem.class);
			for (int i = 0; i < all.length; i++) {
				if ((mask & (1 << i)) != 0) {
					set.add(all[i]);
				}
			}
			sets.add(set);
		}
		return sets;
	}

	// the fields, in groups no condition spans (union-find over the conditions)
	private static List<int[]> groups(ProfileConditions conditions) {
		int[] parent = new int[FIELDS.length];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
		}
		List<String> names = Arrays.asList(FIELDS);
		for (ProfileConditions.Condition condition : conditions.conditions()) {
			int first = -1;
			for (String field : condition.fields()) {
				int index = names.indexOf(field);
				if (first < 0) {
					first = index;
				}
				else {
					parent[find(parent, index)] = find(parent, first);
				}
			}
		}
		Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
		for (int i = 0; i < FIELDS.length; i++) {
			byRoot.computeIfAbsent(find(parent, i), (root) -> new ArrayList<>()).add(i);
		}
		return byRoot.values()
			.stream()
			.map((members) -> members.stream().mapToInt(Integer::intValue).toArray())
			.toList();
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			i = parent[i];
		}
		return i;
	}

	private static long values(int[] group) {
		long values = 1;
		for (int field : group) {
			values *= domain(FIELDS[field]).size();
		}
		return values;
	}

	/** Values of some fields (the others null) and how many profiles they stand for. */
	private static final class Part {

		final Object[] values;

		long profiles;

		Part(Object[] values, long profiles) {
			this.values = values;
			this.profiles = profiles;
		}

	}

	private static List<ProfileClass> combine(ProfileConditions conditions, List<int[]> groups) {
		Object[] base = { 40, Benefit.CASH_BENEFIT, EmploymentPotential.PRESENT, Set.of(), false, false, false, false,
				null };
		long[] all = new long[(conditions.memories() + 63) / 64];
		Arrays.fill(all, -1L);
		Map<ProfileConditions.Bits, Part> states = new LinkedHashMap<>();
		states.put(new ProfileConditions.Bits(all), new Part(base.clone(), 1));
		for (int g = 0; g < groups.size(); g++) {
			Map<ProfileConditions.Bits, Part> classes = classesOf(conditions, groups.get(g), g == 0, base);
			Map<ProfileConditions.Bits, Part> next = new LinkedHashMap<>();
			for (Map.Entry<ProfileConditions.Bits, Part> state : states.entrySet()) {
				for (Map.Entry<ProfileConditions.Bits, Part> part : classes.entrySet()) {
					long[] bits = state.getKey().bits().clone();
					for (int i = 0; i < bits.length; i++) {
						bits[i] &= part.getKey().bits()[i];
					}
					long profiles = state.getValue().profiles * part.getValue().profiles;
					Part existing = next.get(new ProfileConditions.Bits(bits));
					if (existing != null) {
						existing.profiles += profiles;
					}
					else {
						Object[] values = state.getValue().values.clone();
						for (int field : groups.get(g)) {
							values[field] = part.getValue().values[field];
						}
						next.put(new ProfileConditions.Bits(bits), new Part(values, profiles));
					}
				}
			}
			states = next;
		}
		List<ProfileClass> result = new ArrayList<>(states.size());
		for (Map.Entry<ProfileConditions.Bits, Part> state : states.entrySet()) {
			Profile representative = profile(state.getValue().values);
			// the combination is sound only if the profile it stands for enters exactly
			// these memories
			if (!Arrays.equals(conditions.memoriesOf(representative), state.getKey().bits())) {
				throw new IllegalStateException("the classes of the profile space do not add up for " + representative);
			}
			result.add(new ProfileClass(representative, state.getValue().profiles));
		}
		return result;
	}

	// the values of one group, by the memories they would let a profile enter as far as
	// this group decides (a condition on other fields counts as met)
	private static Map<ProfileConditions.Bits, Part> classesOf(ProfileConditions conditions, int[] group, boolean first,
			Object[] base) {
		Set<String> fields = new java.util.HashSet<>();
		for (int field : group) {
			fields.add(FIELDS[field]);
		}
		Map<ProfileConditions.Bits, Part> classes = new LinkedHashMap<>();
		List<List<Object>> domains = new ArrayList<>();
		for (int field : group) {
			domains.add(domain(FIELDS[field]));
		}
		int[] at = new int[group.length];
		Object[] values = base.clone();
		while (true) {
			for (int i = 0; i < group.length; i++) {
				values[group[i]] = domains.get(i).get(at[i]);
			}
			Profile profile = profile(values);
			long[] bits = new long[(conditions.memories() + 63) / 64];
			for (ProfileConditions.Node root : conditions.roots()) {
				enter(root, profile, fields, first, bits);
			}
			Part existing = classes.get(new ProfileConditions.Bits(bits));
			if (existing != null) {
				existing.profiles++;
			}
			else {
				classes.put(new ProfileConditions.Bits(bits), new Part(values.clone(), 1));
			}
			int i = 0;
			while (i < group.length && ++at[i] == domains.get(i).size()) {
				at[i] = 0;
				i++;
			}
			if (i == group.length) {
				return classes;
			}
		}
	}

	private static void enter(ProfileConditions.Node node, Profile profile, Set<String> group, boolean first,
			long[] bits) {
		Set<String> read = node.condition().fields();
		boolean decides = read.isEmpty() ? first : group.containsAll(read);
		if (decides && !node.condition().holds(profile)) {
			return;
		}
		if (node.memory() >= 0) {
			bits[node.memory() >>> 6] |= 1L << (node.memory() & 63);
		}
		for (ProfileConditions.Node child : node.children()) {
			enter(child, profile, group, first, bits);
		}
	}

	@SuppressWarnings("unchecked")
	private static Profile profile(Object[] values) {
		return new Profile((Integer) values[0], (Benefit) values[1], (EmploymentPotential) values[2],
				(Set<Problem>) values[3], (Boolean) values[4], (Boolean) values[5], (Boolean) values[6],
				(Boolean) values[7], (Integer) values[8]);
	}

}
