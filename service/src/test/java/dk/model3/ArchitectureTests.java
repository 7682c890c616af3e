package dk.model3;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dk.model3.facts.FlagRaised;
import dk.model3.facts.Outcome;
import dk.model3.facts.TierRuledOut;
import dk.model3.rules.TierReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Boundaries between packages that the compiler cannot enforce, checked on the compiled
 * classes (constructors, method references and fully qualified names included).
 */
class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		// the core module's test-jar (RepoRules, RuleCopies) is test code too
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption((location) -> !location.contains("-tests.jar"))
			.importPackages("dk.model3");
	}

	@Test
	void packagesDoNotDependOnEachOtherInACircle() {
		slices().matching("dk.model3.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void onlyTheRulesPackageTouchesTheRuleEngine() {
		noClasses().that()
			.resideOutsideOfPackage("dk.model3.rules..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.kie..", "org.drools..")
			.check(classes);
	}

	@Test
	void onlyTheVersionsPackageTouchesGit() {
		noClasses().that()
			.resideOutsideOfPackage("dk.model3.versions..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.eclipse.jgit..")
			.because("the repository of versions is read and written in one place")
			.check(classes);
	}

	@Test
	void noJavaDecidesATierOrAFlag() {
		// outcomes, flags and why-not conclusions are recorded by rule files only: Java
		// may read them, never build them
		ArchRule rule = noClasses().that()
			.resideOutsideOfPackage("dk.model3.facts..")
			.should()
			.callCodeUnitWhere(describe("a constructor or factory of Outcome, FlagRaised or TierRuledOut",
					ArchitectureTests::buildsAConclusion));
		rule.check(classes);
	}

	@Test
	void onlyTheRulesPackageTurnsAConclusionIntoAWhyNotReason() {
		noClasses().that()
			.resideOutsideOfPackage("dk.model3.rules..")
			.should()
			.callConstructorWhere(describe("a constructor of TierReason",
					(call) -> call.getTargetOwner().isEquivalentTo(TierReason.class)))
			.check(classes);
	}

	private static boolean buildsAConclusion(JavaCall<?> call) {
		boolean conclusion = call.getTargetOwner().isEquivalentTo(Outcome.class)
				|| call.getTargetOwner().isEquivalentTo(FlagRaised.class)
				|| call.getTargetOwner().isEquivalentTo(TierRuledOut.class);
		// a constructor, or a factory: a method of the conclusion that returns one
		return conclusion && (call.getName().equals("<init>")
				|| call.getTarget().getRawReturnType().isEquivalentTo(call.getTargetOwner().reflect()));
	}

}
