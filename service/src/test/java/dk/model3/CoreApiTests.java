package dk.model3;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.model3.rules.CompiledRules;
import dk.model3.rules.FactUses;
import dk.model3.rules.RuleLocation;
import dk.model3.rules.compile.RuleCompiler;
import dk.model3.rules.language.PolicyText;
import dk.model3.rules.language.RuleEdit;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.language.RuleOutline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The service uses the core's rules packages only through their entry points
 * (docs/architecture.md, "The core's packages"): the versions, scenarios, checks and the
 * model as they are; of the compiler only {@link RuleCompiler}; of the language only
 * {@link RuleFolders}, {@link PolicyText}, {@link RuleOutline} (a rule as written,
 * without the engine's types) and {@link RuleEdit} (a rule's values and texts as a form,
 * written back); never the helpers the core's packages share among themselves.
 */
class CoreApiTests {

	private static JavaClasses service;

	@BeforeAll
	static void importServiceClasses() throws URISyntaxException {
		// only the service's own classes: the core's may use their internals
		Path classes = Path.of(TriageApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPath(classes);
	}

	@Test
	void compilesOnlyThroughTheRuleCompiler() {
		noClasses().should()
			.dependOnClassesThat(inPackageExcept("dk.model3.rules.compile..", RuleCompiler.class))
			.check(service);
	}

	@Test
	void readsRuleFilesOnlyThroughRuleFoldersPolicyTextRuleOutlineAndRuleEdit() {
		noClasses().should()
			.dependOnClassesThat(inPackageExcept("dk.model3.rules.language..", RuleFolders.class, PolicyText.class,
					RuleOutline.class, RuleOutline.Condition.class, RuleOutline.Pattern.class, RuleOutline.Group.class,
					RuleOutline.Other.class, RuleOutline.Kind.class, RuleEdit.class, RuleEdit.Rule.class,
					RuleEdit.Condition.class, RuleEdit.Value.class, RuleEdit.Kind.class, RuleEdit.Refusal.class,
					RuleEdit.Refused.class, RuleEdit.TemplateCondition.class, RuleEdit.FlagTemplate.class))
			.check(service);
	}

	@Test
	void leavesTheHelpersOfTheCoresPackagesAlone() {
		noClasses().should()
			.dependOnClassesThat(equivalentTo(RuleLocation.class).or(equivalentTo(FactUses.class)))
			.check(service);
	}

	@Test
	void neverBuildsCompiledRulesItself() {
		noClasses().should()
			.callConstructorWhere(describe("a constructor of CompiledRules",
					(call) -> call.getTargetOwner().isEquivalentTo(CompiledRules.class)))
			.check(service);
	}

	private static DescribedPredicate<JavaClass> inPackageExcept(String packageIdentifier, Class<?>... entryPoints) {
		DescribedPredicate<JavaClass> entry = DescribedPredicate.alwaysFalse();
		for (Class<?> entryPoint : entryPoints) {
			entry = entry.or(equivalentTo(entryPoint));
		}
		return resideInAPackage(packageIdentifier).and(DescribedPredicate.not(entry))
			.as("a class of %s other than its entry points", packageIdentifier);
	}

}
