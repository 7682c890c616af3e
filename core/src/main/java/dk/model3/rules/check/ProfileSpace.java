package dk.model3.rules.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dk.model3.facts.Benefit;
import dk.model3.facts.EmploymentPotential;
import dk.model3.facts.Problem;
import dk.model3.facts.Profile;

/**
 * A bounded space of profiles to enumerate exhaustively: every combination of the ages,
 * benefits, employment potentials, problem sets (every subset up to a size), the four
 * booleans and the department counts given. {@link #bounded()} is the space the
 * {@code check} command proves the rules over; see rules/README.md for why it suffices.
 */
public record ProfileSpace(List<Integer> ages, List<Benefit> benefits, List<EmploymentPotential> potentials,
		int maxProblems, List<Integer> departments) {

	/** One slice of the space, small enough to run on one thread. */
	public record Slice(int age, Benefit benefit) {
	}

	public ProfileSpace {
		ages = List.copyOf(ages);
		benefits = List.copyOf(benefits);
		potentials = List.copyOf(potentials);
		departments = List.copyOf(departments);
	}

	/**
	 * Every age 0-30 and 31, 40, 50, 66, 67, 80, 125; every benefit and potential; every
	 * subset of up to three problems; all four booleans; 0-3 departments.
	 */
	public static ProfileSpace bounded() {
		List<Integer> ages = new ArrayList<>(IntStream.rangeClosed(0, 30).boxed().toList());
		ages.addAll(List.of(31, 40, 50, 66, 67, 80, 125));
		return new ProfileSpace(ages, Arrays.asList(Benefit.values()), Arrays.asList(EmploymentPotential.values()), 3,
				List.of(0, 1, 2, 3));
	}

	/**
	 * A small space around every age threshold of the model (15, 18, 25/26, 30), the
	 * benefits the rules name, every potential, at most one problem and 0 or 2
	 * departments: about 67,000 profiles, a few seconds. It finds most gaps and overlaps;
	 * only the bounded space is the proof.
	 */
	public static ProfileSpace aroundThresholds() {
		return new ProfileSpace(List.of(14, 15, 17, 18, 25, 26, 30),
				List.of(Benefit.CASH_BENEFIT, Benefit.SICKNESS_BENEFIT, Benefit.DISABILITY_PENSION,
						Benefit.OLD_AGE_PENSION, Benefit.NONE),
				Arrays.asList(EmploymentPotential.values()), 1, List.of(0, 2));
	}

	/** The same space restricted to other ages, for quick runs. */
	public ProfileSpace withAges(List<Integer> otherAges) {
		return new ProfileSpace(otherAges, this.benefits, this.potentials, this.maxProblems, this.departments);
	}

	/** The same space with smaller problem sets, for quick runs. */
	public ProfileSpace withMaxProblems(int otherMax) {
		return new ProfileSpace(this.ages, this.benefits, this.potentials, otherMax, this.departments);
	}

	public long size() {
		return (long) this.ages.size() * this.benefits.size() * this.potentials.size() * problemSets().size() * 16
				* this.departments.size();
	}

	/** The slices in a stable order: by age, then benefit. */
	public List<Slice> slices() {
		List<Slice> slices = new ArrayList<>();
		for (int age : this.ages) {
			for (Benefit benefit : this.benefits) {
				slices.add(new Slice(age, benefit));
			}
		}
		return slices;
	}

	/** Every profile of one slice, in a stable order. */
	public void forEach(Slice slice, Consumer<Profile> action) {
		List<Set<Problem>> problemSets = problemSets();
		for (EmploymentPotential potential : this.potentials) {
			for (Set<Problem> problems : problemSets) {
				for (int flags = 0; flags < 16; flags++) {
					for (Integer departments : this.departments) {
						action.accept(new Profile(slice.age(), slice.benefit(), potential, problems, (flags & 1) != 0,
								(flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0, departments));
					}
				}
			}
		}
	}

	/** Every profile of the space, in a stable order; parallel-friendly by slice. */
	public Stream<Profile> stream() {
		return slices().stream().flatMap((slice) -> {
			List<Profile> profiles = new ArrayList<>();
			forEach(slice, profiles::add);
			return profiles.stream();
		});
	}

	public List<Set<Problem>> problemSets() {
		List<Set<Problem>> sets = new ArrayList<>();
		addSubsets(Problem.values(), 0, EnumSet.noneOf(Problem.class), sets);
		return sets;
	}

	private void addSubsets(Problem[] all, int from, EnumSet<Problem> current, List<Set<Problem>> sets) {
		sets.add(Set.copyOf(current));
		if (current.size() == this.maxProblems) {
			return;
		}
		for (int i = from; i < all.length; i++) {
			current.add(all[i]);
			addSubsets(all, i + 1, current, sets);
			current.remove(all[i]);
		}
	}

}
