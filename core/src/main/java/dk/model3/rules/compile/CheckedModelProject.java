package dk.model3.rules.compile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.drools.codegen.common.GeneratedFile;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.BuildContext;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.ResultsImpl;
import org.drools.model.codegen.execmodel.CanonicalModelKieProject;
import org.drools.model.codegen.execmodel.ModelBuilderImpl;
import org.drools.model.codegen.execmodel.PackageSources;
import org.kie.api.builder.Message;

/**
 * The executable model's project with one step added: the Java generated for the version
 * is checked ({@link GeneratedCodeCheck}) before it is compiled, and when it leaves the
 * shape of the rule language nothing is compiled and the build fails. The compiler's
 * messages keep their file, line and text, never the generated source the engine adds to
 * them.
 */
final class CheckedModelProject extends CanonicalModelKieProject {

	/** What one build generated and what the check found in it. */
	static final class Generated {

		private List<GeneratedCodeCheck.Source> sources = List.of();

		private List<GeneratedCodeCheck.Finding> findings = List.of();

		private boolean checked;

		List<GeneratedCodeCheck.Source> sources() {
			return this.sources;
		}

		List<GeneratedCodeCheck.Finding> findings() {
			return this.findings;
		}

		/** Whether the generated code was checked at all (the engine got that far). */
		boolean checked() {
			return this.checked;
		}

	}

	static final String NOT_COMPILED = "the generated code leaves the shape of the rule language; nothing was compiled";

	private final Generated generated;

	CheckedModelProject(InternalKieModule kieModule, ClassLoader classLoader, Generated generated) {
		super(kieModule, classLoader);
		this.generated = generated;
	}

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public void writeProjectOutput(MemoryFileSystem target, BuildContext context) {
		List<GeneratedFile> files = new ArrayList<>();
		for (ModelBuilderImpl builder : this.modelBuilders.values()) {
			for (PackageSources sources : (Collection<PackageSources>) builder.getPackageSources()) {
				sources.collectGeneratedFiles(files);
			}
		}
		List<GeneratedCodeCheck.Source> sources = files.stream()
			.map((file) -> new GeneratedCodeCheck.Source(file.relativePath(),
					new String(file.contents(), StandardCharsets.UTF_8)))
			.toList();
		this.generated.sources = sources;
		this.generated.findings = GeneratedCodeCheck.check(sources);
		this.generated.checked = true;
		if (!this.generated.findings.isEmpty()) {
			context.getMessages().addMessage(Message.Level.ERROR, null, NOT_COMPILED);
			return;
		}
		super.writeProjectOutput(target, context);
		ResultsImpl results = context.getMessages();
		List<Message> kept = new ArrayList<>();
		for (Message message : results.getMessages()) {
			if (message.getText() == null || !message.getText().startsWith("Java source of ")) {
				kept.add(message);
			}
		}
		results.setMessages(kept);
	}

}
