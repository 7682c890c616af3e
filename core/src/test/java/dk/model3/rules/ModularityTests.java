package dk.model3.rules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules packages as docs/architecture.md draws them: the model and evaluation at the
 * bottom, the language, scenarios, compiler and checks above it, the versions on top;
 * each only on those below it, none in a circle, none on the service or Spark.
 */
class ModularityTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dk.model3");
	}

	@Test
	void noPackageDependsOnAnotherInACircle() {
		slices().matching("dk.model3.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void eachRulesPackageUsesOnlyThoseBelowIt() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("model and evaluation")
			.definedBy("dk.model3.rules")
			.layer("language")
			.definedBy("dk.model3.rules.language..")
			.layer("scenarios")
			.definedBy("dk.model3.rules.scenarios..")
			.layer("compile")
			.definedBy("dk.model3.rules.compile..")
			.layer("check")
			.definedBy("dk.model3.rules.check..")
			.layer("versions")
			.definedBy("dk.model3.rules.versions..")
			.whereLayer("versions")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("check")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("compile")
			.mayOnlyBeAccessedByLayers("versions")
			.whereLayer("scenarios")
			.mayOnlyBeAccessedByLayers("versions", "check")
			.whereLayer("language")
			.mayOnlyBeAccessedByLayers("compile", "versions", "check")
			.check(classes);
	}

	@Test
	void noRulesPackageDependsOnTheServiceOrSpark() {
		DescribedPredicate<JavaClass> serviceOrSpark = resideInAnyPackage("org.springframework..", "org.apache.spark..",
				"scala..", "picocli..")
			.or(resideInAPackage("dk.model3..").and(DescribedPredicate.not(resideInAnyPackage("dk.model3.facts..",
					"dk.model3.request..", "dk.model3.response..", "dk.model3.rules.."))))
			.as("the service or Spark");
		noClasses().that()
			.resideInAPackage("dk.model3.rules..")
			.should()
			.dependOnClassesThat(serviceOrSpark)
			.check(classes);
	}

	@Test
	void onlyTheCompilerBuildsCompiledRules() {
		noClasses().that()
			.resideOutsideOfPackage("dk.model3.rules.compile..")
			// its own constructors call one another
			.and()
			.doNotBelongToAnyOf(CompiledRules.class)
			.should()
			.callConstructorWhere(describe("a constructor of CompiledRules",
					(call) -> call.getTargetOwner().isEquivalentTo(CompiledRules.class)))
			.check(classes);
	}

}
