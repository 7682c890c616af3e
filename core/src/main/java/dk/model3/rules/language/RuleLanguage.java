package dk.model3.rules.language;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.model3.rules.RuleProblem;
import dk.model3.rules.RuleVersionFiles;
import dk.model3.rules.language.DrlTokens.NotAllowed;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The rule language: the part of DRL a version may use, checked on the parsed rule files
 * before anything of the version is compiled or run. A DRL file is otherwise a Java
 * program (consequences, constraints, functions and metadata become Java code), so
 * everything outside this subset is refused with its file, line and column:
 * <ul>
 * <li>{@code package dk.model3.policy}; imports from the facts package only;</li>
 * <li>{@code declare Name end}, optionally with fields of a plain type or a facts enum
 * (no initial values, no supertypes, no annotations);</li>
 * <li>rules with string metadata of the names in {@link #METADATA}
 * ({@code @id("T2-01")}), an optional whole-number {@code salience}, conditions of fact
 * patterns, {@code not}, {@code exists}, {@code and}, {@code or}, constraints of
 * {@link ConstraintGrammar}, and consequences of {@link ConsequenceGrammar}.</li>
 * </ul>
 * No {@code function}, {@code global}, {@code query}, {@code eval}, {@code from},
 * {@code accumulate}, {@code collect}, {@code forall}, windows, other rule attributes,
 * rule inheritance or named consequences: the policy needs none of them. Every text
 * copied into the generated Java (rule names, metadata values, texts in constraints and
 * consequences) holds only what {@link PolicyText} allows, and the raw file keeps the
 * limits of {@link RuleTextLimits} before the parser reads it.
 */
public final class RuleLanguage {

	/** The package every rule file declares. */
	public static final String DRL_PACKAGE = "dk.model3.policy";

	private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

	private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\[\"'\\\\nt])*\"");

	private static final String TOO_DEEP = "filen er indlejret for dybt til at kunne læses; skriv reglerne enklere";

	private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

	private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");

	private static final Pattern ANNOTATION_NAME = Pattern.compile("[a-z][A-Za-z]{0,31}");

	/**
	 * The metadata a rule may carry: its id, source document and section, the statute a
	 * source names for it, its Danish and English text and next step.
	 */
	static final List<String> METADATA = List.of("id", "source", "section", "statute", "da", "en", "nextDa", "nextEn");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

	private static final Set<String> FIELD_TYPES = Set.of("String", "int", "long", "boolean", "Integer", "Long",
			"Boolean");

	private final FactVocabulary vocabulary = FactVocabulary.get();

	private final RuleVersionFiles files;

	private final List<RuleProblem> problems = new ArrayList<>();

	private final Set<String> declaredTypes = new HashSet<>();

	private RuleLanguage(RuleVersionFiles files) {
		this.files = files;
	}

	/** Every place where the version's rule files leave the rule language. */
	public static List<RuleProblem> check(RuleVersionFiles files) {
		RuleLanguage language = new RuleLanguage(files);
		Map<String, PackageDescr> parsed = new LinkedHashMap<>();
		files.drlFiles().forEach((name, text) -> {
			PackageDescr descr = language.parse(name, text);
			if (descr != null) {
				parsed.put(name, descr);
			}
		});
		// declared types are shared by the files of a version: collect them all first
		parsed.forEach((name, descr) -> descr.getTypeDeclarations()
			.forEach((type) -> language.declaredTypes.add(type.getTypeName())));
		parsed.forEach((name, descr) -> {
			try {
				language.check(language.source(name), descr);
			}
			catch (StackOverflowError ex) {
				language.problems.add(language.source(name).line(0, 0, TOO_DEEP));
			}
		});
		return List.copyOf(language.problems);
	}

	private PackageDescr parse(String name, String text) {
		Source source = source(name);
		List<RuleProblem> limits = RuleTextLimits.check(source.file(), text);
		if (!limits.isEmpty()) {
			// before the parser, which would descend as deep as the file nests
			this.problems.addAll(limits);
			return null;
		}
		Matcher escape = UNICODE_ESCAPE.matcher(text);
		if (escape.find()) {
			// Java reads these before anything else, so one could end a string or a
			// comment
			this.problems.add(source.at(escape.start(), "\"" + escape.group()
					+ "\": unicode-koder (\\u) er ikke tilladt i en regelfil; skriv selve tegnet"));
			return null;
		}
		DrlParser parser = new DrlParser();
		PackageDescr descr;
		try {
			descr = parser.parse(false, text);
		}
		catch (DroolsParserException ex) {
			this.problems.add(source.parser(ex.getMessage(), ex.getLineNumber(), ex.getColumn()));
			return null;
		}
		catch (StackOverflowError ex) {
			// the limits above keep a file from nesting this deep; should one still, it
			// is refused, not the service
			this.problems.add(source.line(0, 0, TOO_DEEP));
			return null;
		}
		if (parser.hasErrors() || descr == null) {
			for (DroolsError error : parser.getErrors()) {
				if (error instanceof ParserError located) {
					this.problems.add(source.parser(located.getMessage(), located.getRow(), located.getCol()));
				}
				else {
					this.problems.add(source.parser(error.getMessage(), 0, 0));
				}
			}
			if (parser.getErrors().isEmpty()) {
				this.problems.add(source.line(0, 0, "filen kan ikke læses som regler"));
			}
			return null;
		}
		return descr;
	}

	private Source source(String name) {
		return new Source(this.files.folder() + "/" + name, this.files.drlFiles().get(name));
	}

	private void check(Source source, PackageDescr descr) {
		if (!DRL_PACKAGE.equals(descr.getName())) {
			this.problems.add(source.line(1, 0,
					"filen skal begynde med \"package " + DRL_PACKAGE + ";\", ikke \"" + descr.getName() + "\""));
		}
		for (ImportDescr imported : descr.getImports()) {
			checkImport(source, imported);
		}
		descr.getFunctionImports().forEach((item) -> refuse(source, item, "import function"));
		descr.getAccumulateImports().forEach((item) -> refuse(source, item, "import accumulate"));
		descr.getGlobals().forEach((item) -> refuse(source, item, "global"));
		descr.getFunctions().forEach((item) -> refuse(source, item, "function"));
		descr.getAttributes().forEach((item) -> refuse(source, item, "en attribut for hele filen"));
		descr.getEnumDeclarations().forEach((item) -> refuse(source, item, "declare enum"));
		descr.getEntryPointDeclarations().forEach((item) -> refuse(source, item, "et entry point"));
		descr.getWindowDeclarations().forEach((item) -> refuse(source, item, "et vindue (window)"));
		if (descr.getUnit() != null) {
			refuse(source, descr.getUnit(), "en regelenhed (unit)");
		}
		descr.getTypeDeclarations().forEach((type) -> checkDeclaration(source, type));
		descr.getRules().forEach((rule) -> checkRule(source, rule));
	}

	private void checkImport(Source source, ImportDescr imported) {
		String target = imported.getTarget();
		String prefix = FactVocabulary.FACTS_PACKAGE + ".";
		boolean allowed = target.equals(prefix + "*")
				|| target.startsWith(prefix) && this.vocabulary.isFactClass(target.substring(prefix.length()));
		if (!allowed) {
			this.problems.add(source.descr(imported, "\"import " + target + "\": en regelfil må kun importere fra "
					+ FactVocabulary.FACTS_PACKAGE + " (import " + prefix + "*;)"));
		}
	}

	private void checkDeclaration(Source source, TypeDeclarationDescr type) {
		String name = type.getTypeName();
		if (!TYPE_NAME.matcher(name).matches()) {
			this.problems.add(source.descr(type, "\"declare " + name
					+ "\": en erklæret type hedder et stort bogstav efterfulgt af bogstaver a-z og tal"));
		}
		if (this.vocabulary.isFactClass(name)) {
			this.problems.add(source.descr(type, "\"declare " + name + "\": faktapakken har allerede " + name));
		}
		if (!type.getSuperTypes().isEmpty()) {
			this.problems.add(source.descr(type,
					"\"declare " + name + " extends\": en erklæret type bygger ikke på en anden type"));
		}
		if (!type.getAnnotations().isEmpty()) {
			this.problems
				.add(source.descr(type, "\"declare " + name + "\": en erklæret type har ingen annotationer (@…)"));
		}
		for (TypeFieldDescr field : type.getFields().values()) {
			String fieldType = (field.getPattern() != null) ? field.getPattern().getObjectType() : null;
			if (!FIELD_NAME.matcher(field.getFieldName()).matches()) {
				this.problems.add(source.descr(type, "feltet \"" + field.getFieldName() + "\" i " + name
						+ " skal hedde et lille bogstav efterfulgt af bogstaver a-z og tal"));
			}
			if (field.getInitExpr() != null && !field.getInitExpr().isBlank()) {
				this.problems.add(source.descr(type, "feltet \"" + field.getFieldName() + "\" i " + name
						+ " har en startværdi; et erklæret felt har ingen"));
			}
			if (!field.getAnnotations().isEmpty()) {
				this.problems.add(source.descr(type,
						"feltet \"" + field.getFieldName() + "\" i " + name + " har annotationer (@…)"));
			}
			if (fieldType == null || !FIELD_TYPES.contains(fieldType) && !this.vocabulary.isEnum(fieldType)) {
				this.problems.add(source.descr(type, "feltet \"" + field.getFieldName() + "\" i " + name + " har typen "
						+ fieldType
						+ "; et felt er en tekst (String), et tal, ja/nej (boolean) eller en værdiliste fra fakta"));
			}
		}
	}

	private void checkRule(Source source, RuleDescr rule) {
		if (rule.isQuery()) {
			refuse(source, rule, "query");
			return;
		}
		String nameRefusal = PolicyText.refusal("Regelnavnet", rule.getName());
		if (nameRefusal != null) {
			this.problems.add(source.descr(rule, nameRefusal));
		}
		if (rule.hasParent()) {
			this.problems.add(source.descr(rule,
					"reglen \"" + rule.getName() + "\" bygger på en anden regel (extends); skriv den helt ud"));
		}
		if (!rule.getNamedConsequences().isEmpty()) {
			this.problems.add(source.descr(rule, "reglen \"" + rule.getName()
					+ "\" har en navngiven konsekvens, som ikke er en del af regelsproget"));
		}
		for (AttributeDescr attribute : rule.getAttributes().values()) {
			if (!attribute.getName().equals("salience")) {
				this.problems.add(source.descr(rule, "reglen \"" + rule.getName() + "\" sætter \"" + attribute.getName()
						+ "\"; den eneste regelattribut i regelsproget er salience"));
			}
			else if (attribute.getValue() == null || !WHOLE_NUMBER.matcher(attribute.getValue().strip()).matches()) {
				this.problems.add(source.descr(rule, "reglen \"" + rule.getName()
						+ "\": salience skal være et helt tal, ikke " + attribute.getValue()));
			}
		}
		for (AnnotationDescr annotation : rule.getAnnotations()) {
			checkAnnotation(source, rule, annotation);
		}
		Set<String> bound = new HashSet<>();
		checkCondition(source, rule.getLhs(), bound);
		String consequence = (rule.getConsequence() != null) ? rule.getConsequence().toString() : "";
		try {
			ConsequenceGrammar.check(consequence, this.declaredTypes, bound);
		}
		catch (NotAllowed ex) {
			int start = source.text().indexOf(consequence, Math.max(rule.getStartCharacter(), 0));
			this.problems.add((start >= 0 && !consequence.isEmpty()) ? source.at(start + ex.offset(), ex.getMessage())
					: source.line(rule.getConsequenceLine(), 0, ex.getMessage()));
		}
	}

	private void checkAnnotation(Source source, RuleDescr rule, AnnotationDescr annotation) {
		String name = annotation.getName();
		if (!ANNOTATION_NAME.matcher(name).matches()) {
			this.problems.add(source.after(rule, "@" + name,
					"@" + name + ": navnet på en metadata-værdi er små og store bogstaver a-z, fx @nextDa"));
			return;
		}
		if (!METADATA.contains(name)) {
			this.problems.add(source.after(rule, "@" + name,
					"@" + name + " er ikke en metadata-værdi i regelsproget; en regel har "
							+ String.join(", ", METADATA.stream().map((key) -> "@" + key).toList())));
			return;
		}
		if (annotation.getValueMap().size() != 1 || !annotation.getValueMap().containsKey("value")) {
			this.problems.add(source.after(rule, "@" + name,
					"@" + name + " skal være en tekst i dobbelte anførselstegn, fx @" + name + "(\"…\")"));
			return;
		}
		Object value = annotation.getValueMap().get("value");
		String text = (value != null) ? value.toString().strip() : "";
		if (!STRING_LITERAL.matcher(text).matches()) {
			this.problems.add(source.after(rule, "@" + name,
					"@" + name + " skal være en tekst i dobbelte anførselstegn, fx @" + name + "(\"…\")"));
			return;
		}
		String refusal = PolicyText.refusal("Teksten i @" + name, text.substring(1, text.length() - 1));
		if (refusal != null) {
			this.problems.add(source.after(rule, "@" + name, refusal));
		}
	}

	private void checkCondition(Source source, BaseDescr condition, Set<String> bound) {
		if (condition instanceof PatternDescr pattern) {
			checkPattern(source, pattern, bound);
		}
		else if (condition instanceof AndDescr || condition instanceof OrDescr || condition instanceof NotDescr
				|| condition instanceof ExistsDescr) {
			for (BaseDescr inner : ((ConditionalElementDescr) condition).getDescrs()) {
				checkCondition(source, inner, bound);
			}
		}
		else {
			refuse(source, condition, keyword(condition));
		}
	}

	private void checkPattern(Source source, PatternDescr pattern, Set<String> bound) {
		if (pattern.getSource() != null) {
			refuse(source, pattern, keyword(pattern.getSource()));
			return;
		}
		String type = pattern.getObjectType();
		if (pattern.isQuery() || type == null || !this.vocabulary.isFact(type) && !this.declaredTypes.contains(type)) {
			this.problems.add(source.descr(pattern, "\"" + type
					+ "\" er ikke et faktum: en betingelse matcher et faktum fra faktapakken eller en type, versionen erklærer"));
			return;
		}
		if (!pattern.getBehaviors().isEmpty()) {
			this.problems.add(source.descr(pattern, "\"over window\" er ikke en del af regelsproget"));
			return;
		}
		if (!pattern.getAnnotations().isEmpty()) {
			this.problems.add(source.descr(pattern, "\"@" + pattern.getAnnotations().iterator().next().getName()
					+ "\" på en betingelse er ikke en del af regelsproget"));
			return;
		}
		if (pattern.isUnification()) {
			this.problems.add(source.descr(pattern, "\":=\" er ikke en del af regelsproget"));
			return;
		}
		if (pattern.getIdentifier() != null) {
			bound.add(pattern.getIdentifier());
		}
		for (BaseDescr constraint : pattern.getDescrs()) {
			String expression = (constraint instanceof ExprConstraintDescr expr) ? expr.getExpression()
					: (constraint instanceof BindingDescr binding)
							? binding.getVariable() + " : " + binding.getExpression() : null;
			if (expression == null) {
				refuse(source, constraint, keyword(constraint));
				continue;
			}
			if (constraint instanceof ExprConstraintDescr expr && expr.getType() == ExprConstraintDescr.Type.POSITIONAL
					|| constraint instanceof BindingDescr binding && binding.isUnification()) {
				this.problems.add(source.descr(constraint, "\"" + expression
						+ "\": en betingelse navngiver feltet, fx age >= 18; felter efter placering og := er ikke en del af regelsproget"));
				continue;
			}
			try {
				String variable = ConstraintGrammar.check(expression);
				if (variable != null) {
					bound.add(variable);
				}
			}
			catch (NotAllowed ex) {
				this.problems.add(source.descr(constraint, ex.getMessage()));
			}
		}
	}

	private void refuse(Source source, BaseDescr descr, String what) {
		this.problems.add(source.descr(descr, "\"" + what + "\" er ikke en del af regelsproget"));
	}

	// the DRL keyword a policy editor wrote, for the parser's class of it
	private static String keyword(BaseDescr descr) {
		String kind = descr.getClass().getSimpleName().replace("Descr", "");
		return switch (kind) {
			case "Eval" -> "eval";
			case "From" -> "from";
			case "Accumulate" -> "accumulate";
			case "Collect" -> "collect";
			case "Forall" -> "forall";
			case "EntryPoint" -> "from entry-point";
			case "Function" -> "function";
			case "Global" -> "global";
			default -> kind;
		};
	}

	/** A rule file of the version, to turn places in it into problems. */
	private record Source(String file, String text) {

		RuleProblem line(int line, int column, String message) {
			return new RuleProblem(file(), line, column, message);
		}

		// the parser's message in Danish, where it belongs
		RuleProblem parser(String message, int line, int column) {
			ParserMessages.Located located = ParserMessages.danish(message, line, column, this.text);
			return line(located.line(), located.column(), located.message());
		}

		// the parser counts columns from 0, problem reports from 1
		RuleProblem descr(BaseDescr descr, String message) {
			return line(Math.max(descr.getLine(), 0), (descr.getLine() > 0) ? descr.getColumn() + 1 : 0, message);
		}

		RuleProblem at(int offset, String message) {
			int line = (int) this.text.substring(0, offset).chars().filter((c) -> c == '\n').count() + 1;
			int column = offset - this.text.lastIndexOf('\n', offset - 1);
			return line(line, column, message);
		}

		// the place of a text inside a rule, such as one of its annotations
		RuleProblem after(BaseDescr descr, String needle, String message) {
			int index = this.text.indexOf(needle, Math.max(descr.getStartCharacter(), 0));
			return (index >= 0) ? at(index, message) : descr(descr, message);
		}

	}

}
