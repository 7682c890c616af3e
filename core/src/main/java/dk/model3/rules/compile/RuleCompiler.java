package dk.model3.rules.compile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dk.model3.rules.CompiledRules;
import dk.model3.rules.Conclusions;
import dk.model3.rules.FactUse;
import dk.model3.rules.FactUses;
import dk.model3.rules.RuleLocation;
import dk.model3.rules.RuleMetadata;
import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.RuleVersionRefused;
import dk.model3.rules.SourceDocument;
import dk.model3.rules.SourceRef;
import dk.model3.rules.Text;
import dk.model3.rules.VersionDescriptor;
import dk.model3.rules.language.ConstraintSides;
import dk.model3.rules.language.DescriptorReader;
import dk.model3.rules.language.PolicyText;
import dk.model3.rules.language.RuleLanguage;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles one version folder with the executable model and checks the conventions every
 * rule file must keep. Anything wrong comes back as a {@link RuleVersionRefused} listing
 * every problem with its file and line; a refused version never reaches the evaluator.
 */
public final class RuleCompiler {

	static final String DRL_PACKAGE = RuleLanguage.DRL_PACKAGE;

	private static final Pattern RULE_ID = Pattern.compile("[A-Z][A-Z0-9]*-\\d{2}");

	private static final List<String> REQUIRED_METADATA = List.of("id", "source", "section", "da", "en");

	private final Set<String> knownSources;

	private final Map<String, SourceDocument> sources;

	/**
	 * @param knownSources the file names listed in {@code sources.yaml}
	 */
	public RuleCompiler(Set<String> knownSources) {
		this.knownSources = Set.copyOf(knownSources);
		this.sources = Map.of();
	}

	/**
	 * @param sources the documents listed in {@code sources.yaml}; rule sources carry
	 * their title, issuer and date
	 */
	public RuleCompiler(List<SourceDocument> sources) {
		this.sources = SourceDocument.byFile(sources);
		this.knownSources = Set.copyOf(this.sources.keySet());
	}

	public CompiledRules compile(RuleVersionFiles files) {
		return compile(files, null);
	}

	/**
	 * Compiles a version as {@link #compile(RuleVersionFiles)} does, but takes the rule
	 * base {@code earlier} was compiled to when it came from the same rule files: the
	 * same version id and every {@code .drl} file the same to the character. A draft
	 * whose scenarios or descriptor changed is then ready in milliseconds instead of
	 * compiled again in seconds. Everything else is checked as always: the file names,
	 * the descriptor, the rule language, the rules' metadata against the sources.
	 * @param earlier a version compiled before (of the same draft, say), or null
	 */
	public CompiledRules compile(RuleVersionFiles files, CompiledRules earlier) {
		if (!files.problems().isEmpty()) {
			throw new RuleVersionRefused(files.folder(), files.problems());
		}
		List<RuleProblem> problems = new ArrayList<>();
		files.files().keySet().forEach((name) -> {
			String refusal = PolicyText.fileNameRefusal(name);
			if (refusal != null) {
				problems.add(new RuleProblem(files.folder() + "/" + name, 0, 0, refusal));
			}
		});
		if (!problems.isEmpty()) {
			// a file name reaches the generated code: nothing of the version is read
			throw new RuleVersionRefused(files.folder(), problems);
		}
		VersionDescriptor descriptor = DescriptorReader.read(files, this.knownSources, problems);
		String version = (descriptor != null) ? descriptor.id() : files.folder();
		if (files.drlFiles().isEmpty()) {
			problems.add(new RuleProblem(files.folder(), 0, 0, "mappen har ingen regelfil (.drl)"));
		}
		// before anything of the version is compiled: a rule file is otherwise Java
		problems.addAll(RuleLanguage.check(files));
		if (!problems.isEmpty()) {
			throw new RuleVersionRefused(version, problems);
		}
		boolean same = sameRuleFiles(earlier, files, version);
		KieBase kieBase = same ? earlier.kieBase() : build(files, version);
		Map<String, RuleMetadata> metadata = readMetadata(files, kieBase, problems);
		if (problems.isEmpty()) {
			problems.addAll(SalienceConvention.checkOrder(files, rulesOf(kieBase), metadata, Conclusions.of(files)));
		}
		if (!problems.isEmpty()) {
			throw new RuleVersionRefused(version, problems);
		}
		return same ? new CompiledRules(descriptor, files, files.checksum(), earlier, metadata, ConstraintSides.READER)
				: new CompiledRules(descriptor, files, files.checksum(), kieBase, metadata, ConstraintSides.READER);
	}

	private static boolean sameRuleFiles(CompiledRules earlier, RuleVersionFiles files, String version) {
		return earlier != null && earlier.version().equals(version)
				&& earlier.files().drlFiles().equals(files.drlFiles());
	}

	/**
	 * The version's rule base: built, checked and compiled, or loaded as compiled ahead.
	 */
	static KieBase build(RuleVersionFiles files, String version) {
		KieServices services = KieServices.get();
		ReleaseId releaseId = releaseId(files, version);
		byte[] prebuilt = PrecompiledRules.find(files);
		if (prebuilt != null) {
			// compiled when the jar was built, from these very files (the name holds
			// their checksum) and through the same checks: loading it skips generating
			// and compiling the model
			services.getRepository().addKieModule(services.getResources().newByteArrayResource(prebuilt));
		}
		else {
			ModelBuild build = buildModel(files, version);
			if (!build.problems().isEmpty()) {
				throw new RuleVersionRefused(version, build.problems());
			}
		}
		try {
			return services.newKieContainer(releaseId).getKieBase();
		}
		catch (RuntimeException ex) {
			// the engine refuses to run what it built (a window needs a stream, say): a
			// refusal of the version, never an error of the service
			throw new RuleVersionRefused(version, List.of(new RuleProblem(files.folder(), 0, 0,
					"versionen kan ikke indlæses: " + CompilerProblems.shorten(String.valueOf(ex.getMessage())))));
		}
		finally {
			services.getRepository().removeKieModule(releaseId);
		}
	}

	// a release id per checksum keeps versions and reloads apart in the engine's
	// repository
	static ReleaseId releaseId(RuleVersionFiles files, String version) {
		return KieServices.get()
			.newReleaseId("dk.model3.rules", "v" + version.replaceAll("[^A-Za-z0-9]", "_"),
					files.checksum().substring(7, 23));
	}

	/**
	 * A built executable model and what is wrong with it: the checked generated code's
	 * findings and the compiler's errors, each at a rule file where it can be told. The
	 * builder holds a module to load only when there are no problems; {@code generated}
	 * is the Java the engine generated (empty when it got no further than the rule
	 * files).
	 */
	record ModelBuild(KieBuilder builder, List<RuleProblem> problems, List<GeneratedCodeCheck.Source> generated) {
	}

	/**
	 * Generates the version's executable model, checks the generated Java
	 * ({@link GeneratedCodeCheck}) and only then compiles it.
	 */
	static ModelBuild buildModel(RuleVersionFiles files, String version) {
		KieServices services = KieServices.get();
		KieFileSystem fileSystem = services.newKieFileSystem();
		fileSystem.generateAndWritePomXML(releaseId(files, version));
		files.drlFiles().forEach((name, content) -> fileSystem.write(resourcePath(name), content));
		CheckedModelProject.Generated generated = new CheckedModelProject.Generated();
		KieBuilderImpl builder = (KieBuilderImpl) services.newKieBuilder(fileSystem);
		try {
			builder.buildAll((module, loader) -> new CheckedModelProject(module, loader, generated), (path) -> true);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// the engine gave up on something the rule language let through: a refusal,
			// never an error of the service
			return new ModelBuild(
					builder, List
						.of(new RuleProblem(files.folder(), 0, 0,
								"versionen kan ikke oversættes: "
										+ CompilerProblems.shorten(String.valueOf(ex.getMessage())))),
					generated.sources());
		}
		return new ModelBuild(builder, CompilerProblems.of(files, builder, generated), generated.sources());
	}

	private static String resourcePath(String name) {
		return "src/main/resources/" + DRL_PACKAGE.replace('.', '/') + "/" + name;
	}

	private Map<String, RuleMetadata> readMetadata(RuleVersionFiles files, KieBase kieBase,
			List<RuleProblem> problems) {
		Map<String, RuleMetadata> byName = new HashMap<>();
		Map<String, String> idToName = new HashMap<>();
		for (Rule rule : rulesOf(kieBase)) {
			RuleLocation location = RuleLocation.find(files, rule.getName());
			Map<String, String> meta = new HashMap<>();
			rule.getMetaData().forEach((key, value) -> meta.put(key, unquote(value)));
			List<String> missing = REQUIRED_METADATA.stream()
				.filter((key) -> meta.get(key) == null || meta.get(key).isBlank())
				.toList();
			if (!missing.isEmpty()) {
				problems.add(location.problem("reglen \"" + rule.getName() + "\" mangler @"
						+ String.join(", @", missing) + "; hver regel skal have @id, @source, @section, @da og @en"));
				continue;
			}
			String id = meta.get("id");
			if (!RULE_ID.matcher(id).matches()) {
				problems.add(location.problem(
						"regel-id \"" + id + "\" skal være bogstaver og tal, en bindestreg og to cifre, fx T2-01"));
			}
			if (!rule.getName().startsWith(id + " ")) {
				problems.add(location.problem("regelnavnet \"" + rule.getName() + "\" skal begynde med sit id \"" + id
						+ "\" og et mellemrum"));
			}
			String other = idToName.putIfAbsent(id, rule.getName());
			if (other != null) {
				problems.add(location.problem("regel-id " + id + " er brugt to gange: også af \"" + other + "\""));
			}
			if (!this.knownSources.contains(meta.get("source"))) {
				problems.add(location.problem("@source \"" + meta.get("source") + "\" står ikke i rules/sources.yaml"));
			}
			List<FactUse> uses = FactUses.of(rule);
			problems.addAll(SalienceConvention.check(rule, location, uses));
			boolean hasNextDa = meta.get("nextDa") != null;
			if (hasNextDa != (meta.get("nextEn") != null)) {
				problems.add(location.problem("@nextDa og @nextEn hører sammen: skriv begge eller ingen af dem"));
			}
			String statute = meta.get("statute");
			if (statute != null && statute.isBlank()) {
				problems.add(location
					.problem("@statute nævner loven, reglen bygger på, som en kilde nævner den, eller udelades"));
			}
			Text next = hasNextDa ? new Text(meta.get("nextDa"), meta.get("nextEn")) : null;
			byName.put(rule.getName(),
					new RuleMetadata(id, rule.getName(), new Text(meta.get("da"), meta.get("en")),
							SourceRef.of(meta.get("source"), meta.get("section"), statute, this.sources), next,
							location.file(), uses));
		}
		return byName;
	}

	private static Collection<Rule> rulesOf(KieBase kieBase) {
		return (kieBase.getKiePackage(DRL_PACKAGE) != null) ? kieBase.getKiePackage(DRL_PACKAGE).getRules() : List.of();
	}

	// the executable model may keep the quotes of a metadata value
	private static String unquote(Object value) {
		if (value == null) {
			return null;
		}
		String text = value.toString().strip();
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			text = text.substring(1, text.length() - 1);
		}
		// a quote inside the DRL string is written \" there; a reader gets the quote
		return text.replace("\\\"", "\"");
	}

}
