package dk.model3.rules.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.VersionDescriptor;
import dk.model3.rules.language.DescriptorReader;
import dk.model3.rules.language.RuleFolders;
import dk.model3.rules.language.RuleLanguage;
import org.drools.compiler.kie.builder.impl.InternalKieModule;

/**
 * Rule versions compiled when the jar is built: the executable model of each version
 * folder of {@code rules/}, generated and compiled by the build ({@link #main}) into
 * {@code rules-compiled/} on the classpath, named by the folder and the checksum of its
 * files. {@link RuleCompiler} loads such a module instead of compiling the version again,
 * which takes seconds; any other folder or edit (another checksum) is compiled as before.
 * The rule language is checked and the scenarios are run either way.
 */
final class PrecompiledRules {

	static final String FOLDER = "rules-compiled/";

	private PrecompiledRules() {
	}

	static String resourceName(RuleVersionFiles files) {
		return FOLDER + files.folder() + "-" + files.checksum().substring("sha256:".length()) + ".jar";
	}

	/** The module compiled for exactly these files, or null. */
	static byte[] find(RuleVersionFiles files) {
		if (files.checksum() == null || !files.checksum().startsWith("sha256:")) {
			return null;
		}
		try (InputStream in = PrecompiledRules.class.getClassLoader().getResourceAsStream(resourceName(files))) {
			return (in != null) ? in.readAllBytes() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Compiles every version of a rules directory into a directory of modules. Versions
	 * that do not compile are left out: at run time they are compiled, and refused, with
	 * their problems.
	 * @param args the rules directory and the output directory
	 */
	public static void main(String[] args) throws IOException {
		Path rules = Path.of(args[0]);
		Path output = Path.of(args[1]);
		Path folder = output.resolve(FOLDER);
		Files.createDirectories(folder);
		// a build without clean keeps the modules of files edited since: only this
		// build's modules go into the jar
		try (var earlier = Files.newDirectoryStream(folder, "*.jar")) {
			for (Path module : earlier) {
				Files.delete(module);
			}
		}
		List<String> written = new ArrayList<>();
		for (RuleVersionFiles files : RuleFolders.inDirectory(rules).versions()) {
			if (!files.problems().isEmpty() || !RuleLanguage.check(files).isEmpty()) {
				continue;
			}
			String version = version(files);
			// the same build as at run time: the generated code is checked before it is
			// compiled, and a version it refuses is not packaged
			RuleCompiler.ModelBuild build = RuleCompiler.buildModel(files, version);
			if (!build.problems().isEmpty()) {
				System.out.println("Not compiled ahead, refused: " + files.folder() + " " + build.problems());
				continue;
			}
			InternalKieModule kieModule = (InternalKieModule) build.builder().getKieModule();
			byte[] module = withDescriptor(kieModule.getBytes(), kieModule.getKieModuleModel().toXML());
			Path target = output.resolve(resourceName(files));
			try {
				Files.write(target, module);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			written.add(target.getFileName().toString());
		}
		System.out.println("Compiled rule versions ahead: " + written);
	}

	// the module in memory has its descriptor as an object, not as the file a module read
	// from bytes needs
	private static byte[] withDescriptor(byte[] jar, String kmoduleXml) throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar));
				java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
			boolean hasDescriptor = false;
			for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				hasDescriptor |= entry.getName().equals(KMODULE);
				out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
				in.transferTo(out);
				out.closeEntry();
			}
			if (!hasDescriptor) {
				out.putNextEntry(new java.util.zip.ZipEntry(KMODULE));
				out.write(kmoduleXml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	private static final String KMODULE = "META-INF/kmodule.xml";

	private static String version(RuleVersionFiles files) {
		List<RuleProblem> problems = new ArrayList<>();
		VersionDescriptor descriptor = DescriptorReader.read(files, java.util.Set.of(), problems);
		return (descriptor != null) ? descriptor.id() : files.folder();
	}

}
