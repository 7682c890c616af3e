package dk.model3.rules.compile;

import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier.Keyword;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.PackageDeclaration;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.comments.JavadocComment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.VoidType;
import com.github.javaparser.ast.type.WildcardType;
import dk.model3.rules.language.FactVocabulary;
import org.drools.modelcompiler.dsl.pattern.D;
import org.drools.modelcompiler.util.EvaluationUtil;

/**
 * The second line of defence: the Java the executable model generates for a version,
 * parsed and checked against the shape that generator gives the rule language, before any
 * of it is compiled. Everything is on an allow-list: the kinds of syntax, the classes it
 * names (the facts, the classes generated for this version, the model API
 * {@code org.drools.model}, a few of {@code java.lang} and {@code java.util}), the calls
 * it makes (the model DSL, the facts' accessors and factories, insert), the methods and
 * classes it declares, and its comments (only the {@code Rule name:} line above a rule).
 * So no initialiser runs code, no lambda or call outside that list is made, whatever text
 * reached the generator: a version whose generated code leaves the shape is refused and
 * never compiled, even if the check of its rule files let something through.
 */
final class GeneratedCodeCheck {

	/** A generated source: its path below the source root, and its text. */
	record Source(String path, String text) {
	}

	/**
	 * Where the generated code leaves the shape: the source, its line, the rule it was
	 * generated for (null when unknown) and what was found.
	 */
	record Finding(String path, int line, String rule, String what) {
	}

	static final String POLICY_PACKAGE = RuleCompiler.DRL_PACKAGE;

	private static final String HEX = "[0-9A-F]{32}";

	private static final Pattern LAMBDA_PACKAGE = Pattern.compile(Pattern.quote(POLICY_PACKAGE) + "\\.P[0-9A-F]{2}");

	private static final Pattern RULES_CLASS = Pattern.compile("Rules" + HEX);

	private static final Pattern RULE_METHODS_CLASS = Pattern.compile("Rules" + HEX + "RuleMethods\\d{1,4}");

	private static final Pattern METADATA_CLASS = Pattern.compile("DomainClassesMetadata" + HEX);

	private static final Pattern LAMBDA_CLASS = Pattern.compile("Lambda(Predicate|Consequence|Extractor)" + HEX);

	private static final Pattern METADATA_NESTED = Pattern
		.compile("dk_model3_(facts|policy)_[A-Z][A-Za-z0-9]*_Metadata");

	private static final Pattern METADATA_INSTANCE = Pattern
		.compile("DomainClassesMetadata" + HEX + "\\.dk_model3_(facts|policy)_[A-Z][A-Za-z0-9]*_Metadata_INSTANCE");

	private static final Pattern DECLARED_TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

	private static final Pattern RULE_METHOD = Pattern.compile("rule_[A-Za-z0-9_]{1,2000}");

	private static final Pattern ACCESSOR = Pattern.compile("(get|set)[A-Z][A-Za-z0-9]*");

	private static final Pattern RULE_NAME_COMMENT = Pattern.compile("\\s*\\*\\s*Rule name: [^\\n*/\\\\]*\\n\\s*");

	/** The syntax the generator uses for the rule language; anything else is refused. */
	private static final Set<Class<? extends Node>> SYNTAX = Set.of(CompilationUnit.class, PackageDeclaration.class,
			ImportDeclaration.class, Name.class, SimpleName.class, com.github.javaparser.ast.Modifier.class,
			ClassOrInterfaceDeclaration.class, EnumDeclaration.class, EnumConstantDeclaration.class,
			FieldDeclaration.class, VariableDeclarator.class, MethodDeclaration.class, ConstructorDeclaration.class,
			InitializerDeclaration.class, Parameter.class, BlockStmt.class, ReturnStmt.class, ExpressionStmt.class,
			SwitchStmt.class, SwitchEntry.class, BreakStmt.class, ThrowStmt.class,
			ExplicitConstructorInvocationStmt.class, MethodCallExpr.class, NameExpr.class, FieldAccessExpr.class,
			StringLiteralExpr.class, IntegerLiteralExpr.class, LongLiteralExpr.class, DoubleLiteralExpr.class,
			BooleanLiteralExpr.class, NullLiteralExpr.class, ClassExpr.class, ObjectCreationExpr.class,
			BinaryExpr.class, UnaryExpr.class, EnclosedExpr.class, CastExpr.class, AssignExpr.class, ThisExpr.class,
			VariableDeclarationExpr.class, MarkerAnnotationExpr.class, NormalAnnotationExpr.class,
			SingleMemberAnnotationExpr.class, MemberValuePair.class, ClassOrInterfaceType.class, PrimitiveType.class,
			VoidType.class, WildcardType.class, ArrayType.class, JavadocComment.class);

	private static final Set<String> IMPORTS = Set.of("dk.model3.policy.*", "dk.model3.facts.*",
			"org.drools.modelcompiler.dsl.pattern.D", "org.drools.model.Index.ConstraintType");

	/** Classes the generated code may name by their simple name, besides the facts. */
	private static final Set<String> SIMPLE_TYPES = Set.of("String", "Object", "Override", "Exception", "Class",
			"RuntimeException", "Integer", "Long", "Boolean", "Double", "D", "ConstraintType");

	/** Classes outside the model API the generated code may name in full. */
	private static final Set<String> QUALIFIED_TYPES = Set.of("java.lang.String", "java.lang.Object",
			"java.lang.Override", "java.lang.Exception", "java.lang.Integer", "java.lang.Long", "java.lang.Boolean",
			"java.io.Serializable", "java.util.List", "java.util.ArrayList", "java.util.Arrays",
			"java.util.Collections", "java.util.Locale", "java.time.format.DateTimeFormatter",
			"java.time.format.DateTimeFormatterBuilder", "org.drools.util.DateUtils",
			"org.drools.base.factmodel.GeneratedFact", "org.drools.base.factmodel.AccessibleFact",
			"org.drools.compiler.kie.builder.MaterializedLambda", "org.kie.api.definition.type.Position",
			"org.drools.modelcompiler.dsl.pattern.D", "org.drools.modelcompiler.consequence.DroolsImpl",
			"org.drools.modelcompiler.util.EvaluationUtil");

	private static final String MODEL_API = "org.drools.model.";

	/** Calls on what a call of the model DSL returns: building the rule. */
	private static final Set<String> DSL_CHAIN = Set.of("metadata", "attribute", "build", "expr", "alphaIndexedBy",
			"betaIndexedBy", "reactOn", "watch", "bind", "execute", "and", "or");

	/** The chain that builds the model's date format, in the main class. */
	private static final Set<String> DATE_FORMAT_CHAIN = Set.of("parseCaseInsensitive", "appendPattern", "toFormatter");

	private static final Set<String> INSERTS = Set.of("insert", "insertLogical");

	/** The methods the generated classes declare. */
	private static final Set<String> METHODS = Set.of("getName", "getGlobals", "getTypeMetaDatas", "getRules",
			"getRulesList", "getQueries", "getEntryPoints", "getExpressionHash", "test", "execute", "apply",
			"predicateInformation", "getDomainClass", "getPropertiesSize", "getPropertyIndex", "toString", "getValue",
			"setValue");

	private static final Set<String> ANNOTATIONS = Set.of("Override", "java.lang.Override",
			"org.drools.compiler.kie.builder.MaterializedLambda", "org.kie.api.definition.type.Position");

	/**
	 * The model DSL: the static methods of D and of the model's DSL classes it extends.
	 */
	private static final Set<String> DSL_METHODS = Arrays.stream(D.class.getMethods())
		.filter((method) -> Modifier.isStatic(method.getModifiers())
				&& (method.getDeclaringClass().getName().startsWith(MODEL_API)
						|| method.getDeclaringClass() == D.class))
		.map(java.lang.reflect.Method::getName)
		.collect(Collectors.toUnmodifiableSet());

	/** The comparisons of the model's constraints, null-safe. */
	private static final Set<String> COMPARISONS = Arrays.stream(EvaluationUtil.class.getMethods())
		.filter((method) -> Modifier.isStatic(method.getModifiers())
				&& method.getDeclaringClass() == EvaluationUtil.class)
		.map(java.lang.reflect.Method::getName)
		.collect(Collectors.toUnmodifiableSet());

	private final FactVocabulary vocabulary = FactVocabulary.get();

	private final List<Finding> findings = new ArrayList<>();

	// every class the generator declared for this version, by simple name
	private final Set<String> generated = new HashSet<>();

	// the rule each generated lambda class belongs to, read off the rule methods
	private final Map<String, String> ruleOfLambda = new HashMap<>();

	private final Map<CompilationUnit, Set<String>> declaredNames = new java.util.IdentityHashMap<>();

	private GeneratedCodeCheck() {
	}

	/** Every place where the generated sources leave the shape; empty when none does. */
	static List<Finding> check(List<Source> sources) {
		GeneratedCodeCheck check = new GeneratedCodeCheck();
		List<Map.Entry<Source, CompilationUnit>> parsed = new ArrayList<>();
		for (Source source : sources) {
			CompilationUnit unit = check.parse(source);
			if (unit != null) {
				parsed.add(Map.entry(source, unit));
				unit.findAll(TypeDeclaration.class).forEach((type) -> check.generated.add(type.getNameAsString()));
			}
		}
		if (!check.findings.isEmpty()) {
			// a source that is not Java: what the others name of it says nothing more
			return List.copyOf(check.findings);
		}
		parsed.forEach((entry) -> check.indexLambdas(entry.getValue()));
		for (Map.Entry<Source, CompilationUnit> entry : parsed) {
			try {
				check.checkUnit(entry.getKey(), entry.getValue());
			}
			catch (StackOverflowError ex) {
				check.findings.add(new Finding(entry.getKey().path(), 0, null, "koden er indlejret for dybt"));
			}
		}
		return List.copyOf(check.findings);
	}

	/**
	 * The rule a generated source was made for, as far as the source tells, for a
	 * compiler's message about it: a lambda by the rule method that uses it, a rule
	 * method by its name.
	 */
	static String ruleAt(List<Source> sources, String path, int line) {
		GeneratedCodeCheck check = new GeneratedCodeCheck();
		Source target = null;
		for (Source source : sources) {
			CompilationUnit unit = check.parse(source);
			if (unit != null) {
				check.indexLambdas(unit);
				if (path.endsWith(source.path())) {
					target = source;
				}
			}
		}
		check.findings.clear();
		if (target == null) {
			return null;
		}
		CompilationUnit unit = check.parse(target);
		if (unit == null) {
			return null;
		}
		Node at = unit
			.findFirst(Node.class, (node) -> node.getRange().map((range) -> range.begin.line == line).orElse(false))
			.orElse(unit);
		return check.ruleOf(at);
	}

	private CompilationUnit parse(Source source) {
		String text = source.text();
		// javac reads unicode escapes before anything else, the parser below does not;
		// the generator writes none, so none may make the two read differently
		if (text.contains("\\u")) {
			this.findings.add(new Finding(source.path(), 0, null, "et unicode-escape (\\u)"));
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'
					|| Character.getType(c) == Character.FORMAT) {
				this.findings.add(new Finding(source.path(), 0, null, "tegnet U+%04X".formatted((int) c)));
				return null;
			}
		}
		ParserConfiguration configuration = new ParserConfiguration()
			.setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
			.setPreprocessUnicodeEscapes(false)
			.setAttributeComments(true);
		ParseResult<CompilationUnit> result;
		try {
			result = new JavaParser(configuration).parse(text);
		}
		catch (StackOverflowError ex) {
			this.findings.add(new Finding(source.path(), 0, null, "koden er indlejret for dybt"));
			return null;
		}
		if (!result.isSuccessful() || result.getResult().isEmpty()) {
			int line = result.getProblems()
				.stream()
				.findFirst()
				.flatMap((problem) -> problem.getLocation())
				.flatMap((location) -> location.getBegin().getRange())
				.map((range) -> range.begin.line)
				.orElse(0);
			this.findings
				.add(new Finding(source.path(), line, ruleNear(text, line), "kode, der ikke kan læses som Java"));
			return null;
		}
		return result.getResult().get();
	}

	// the rule a source that cannot be parsed was generated for, read off its text: the
	// "Rule name:" line above the place, or the first name a lambda gives
	private static String ruleNear(String text, int line) {
		String[] lines = text.split("\n", -1);
		for (int i = Math.min(Math.max(line, 1), lines.length) - 1; i >= 0; i--) {
			int at = lines[i].indexOf("* Rule name: ");
			if (at >= 0) {
				return lines[i].substring(at + "* Rule name: ".length()).strip();
			}
		}
		int names = text.indexOf("addRuleNames(\"");
		if (names >= 0) {
			int start = names + "addRuleNames(\"".length();
			int end = text.indexOf("\", \"", start);
			return (end > start) ? text.substring(start, end) : null;
		}
		return null;
	}

	// rule methods name the lambdas of their rule: LambdaX.INSTANCE
	private void indexLambdas(CompilationUnit unit) {
		for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
			String rule = ruleName(method);
			if (rule == null) {
				continue;
			}
			for (FieldAccessExpr access : method.findAll(FieldAccessExpr.class)) {
				if (access.getScope() instanceof FieldAccessExpr type
						&& LAMBDA_CLASS.matcher(type.getNameAsString()).matches()) {
					this.ruleOfLambda.putIfAbsent(type.getNameAsString(), rule);
				}
			}
		}
	}

	// the rule a rule method builds: D.rule("package", "name")
	private static String ruleName(MethodDeclaration method) {
		if (!RULE_METHOD.matcher(method.getNameAsString()).matches()) {
			return null;
		}
		return method.findAll(MethodCallExpr.class)
			.stream()
			.filter((call) -> call.getNameAsString().equals("rule") && call.getArguments().size() == 2
					&& call.getArgument(1) instanceof StringLiteralExpr)
			.map((call) -> ((StringLiteralExpr) call.getArgument(1)).asString())
			.findFirst()
			.orElse(null);
	}

	private String ruleOf(Node node) {
		for (Node at = node; at != null; at = at.getParentNode().orElse(null)) {
			if (at instanceof MethodDeclaration method && ruleName(method) != null) {
				return ruleName(method);
			}
			if (at instanceof TypeDeclaration<?> type && this.ruleOfLambda.containsKey(type.getNameAsString())) {
				return this.ruleOfLambda.get(type.getNameAsString());
			}
			if (at instanceof BodyDeclaration<?> member
					&& member.getParentNode().orElse(null) instanceof TypeDeclaration<?> owner) {
				// something put between two rule methods came with the rule after it
				List<BodyDeclaration<?>> members = owner.getMembers();
				for (int i = members.indexOf(member) + 1; i < members.size(); i++) {
					if (members.get(i) instanceof MethodDeclaration method && ruleName(method) != null) {
						return ruleName(method);
					}
				}
			}
		}
		return null;
	}

	private void refuse(Source source, Node node, String what) {
		int line = node.getRange().map((range) -> range.begin.line).orElse(0);
		this.findings.add(new Finding(source.path(), line, ruleOf(node), what));
	}

	private void checkUnit(Source source, CompilationUnit unit) {
		String packageName = unit.getPackageDeclaration()
			.map((declaration) -> declaration.getNameAsString())
			.orElse("");
		boolean lambdaPackage = LAMBDA_PACKAGE.matcher(packageName).matches();
		if (!packageName.equals(POLICY_PACKAGE) && !lambdaPackage) {
			refuse(source, unit, "pakken " + packageName);
		}
		for (ImportDeclaration imported : unit.getImports()) {
			String name = imported.getNameAsString() + (imported.isAsterisk() ? ".*" : "");
			boolean allowed = imported.isStatic()
					? imported.isAsterisk() && name.startsWith(POLICY_PACKAGE + ".")
							&& RULES_CLASS.matcher(imported.getName().getIdentifier()).matches()
					: IMPORTS.contains(name);
			if (!allowed) {
				refuse(source, imported, "import " + name);
			}
		}
		for (Comment comment : unit.getAllComments()) {
			boolean ruleName = comment instanceof JavadocComment
					&& RULE_NAME_COMMENT.matcher(comment.getContent()).matches()
					&& comment.getCommentedNode().filter(MethodDeclaration.class::isInstance).isPresent();
			if (!ruleName) {
				refuse(source, comment, "en kommentar");
			}
		}
		if (unit.getTypes().size() != 1) {
			refuse(source, unit, unit.getTypes().size() + " klasser i én fil");
		}
		for (TypeDeclaration<?> type : unit.getTypes()) {
			checkTopLevel(source, type, lambdaPackage);
			if (!source.path().equals(packageName.replace('.', '/') + "/" + type.getNameAsString() + ".java")) {
				refuse(source, type, "klassen " + type.getNameAsString() + " i filen " + source.path());
			}
		}
		unit.walk((node) -> {
			if (!SYNTAX.contains(node.getClass())) {
				refuse(source, node, "syntaksen " + node.getClass().getSimpleName());
				return;
			}
			if (node instanceof TypeDeclaration<?> nested && !nested.isTopLevelType()
					&& !(METADATA_NESTED.matcher(nested.getNameAsString()).matches() && nested.getParentNode()
						.filter((parent) -> parent instanceof ClassOrInterfaceDeclaration outer
								&& METADATA_CLASS.matcher(outer.getNameAsString()).matches() && outer.isTopLevelType())
						.isPresent())) {
				refuse(source, nested, "klassen " + nested.getNameAsString());
			}
			else if (node instanceof InitializerDeclaration initializer) {
				checkInitializer(source, initializer);
			}
			else if (node instanceof MethodDeclaration method) {
				checkMethod(source, method);
			}
			else if (node instanceof ClassOrInterfaceType type) {
				checkType(source, type);
			}
			else if (node instanceof AnnotationExpr annotation) {
				if (!ANNOTATIONS.contains(annotation.getNameAsString())) {
					refuse(source, annotation, "annotationen @" + annotation.getNameAsString());
				}
			}
			else if (node instanceof MethodCallExpr call) {
				checkCall(source, call);
			}
			else if (node instanceof ObjectCreationExpr creation) {
				checkCreation(source, creation);
			}
			else if (node instanceof NameExpr name) {
				checkName(source, name);
			}
			else if (node instanceof EnumConstantDeclaration constant) {
				if (!constant.getNameAsString().equals("INSTANCE") || !constant.getArguments().isEmpty()
						|| !constant.getClassBody().isEmpty()) {
					refuse(source, constant, "enum-konstanten " + constant.getNameAsString());
				}
			}
			else if (node instanceof ExplicitConstructorInvocationStmt invocation) {
				if (invocation.isThis() || !invocation.getArguments().isEmpty()
						|| invocation.getExpression().isPresent()) {
					refuse(source, invocation, "et kald af en anden konstruktør");
				}
			}
		});
	}

	private void checkTopLevel(Source source, TypeDeclaration<?> type, boolean lambdaPackage) {
		String name = type.getNameAsString();
		if (type instanceof EnumDeclaration lambda) {
			if (!lambdaPackage || !LAMBDA_CLASS.matcher(name).matches() || lambda.getEntries().size() != 1) {
				refuse(source, type, "enum " + name);
			}
			return;
		}
		if (!(type instanceof ClassOrInterfaceDeclaration declaration) || declaration.isInterface()
				|| !declaration.getExtendedTypes().isEmpty() || !declaration.getTypeParameters().isEmpty()
				|| lambdaPackage) {
			refuse(source, type, "typen " + name);
			return;
		}
		boolean declaredFact = DECLARED_TYPE.matcher(name).matches()
				&& implemented(declaration).equals(List.of("java.io.Serializable",
						"org.drools.base.factmodel.GeneratedFact", "org.drools.base.factmodel.AccessibleFact"));
		boolean rules = RULES_CLASS.matcher(name).matches()
				&& implemented(declaration).equals(List.of("org.drools.model.Model"));
		boolean ruleMethods = RULE_METHODS_CLASS.matcher(name).matches() && implemented(declaration).isEmpty();
		boolean metadata = METADATA_CLASS.matcher(name).matches() && implemented(declaration).isEmpty();
		if (!declaredFact && !rules && !ruleMethods && !metadata) {
			refuse(source, type, "klassen " + name);
			return;
		}
		for (BodyDeclaration<?> member : declaration.getMembers()) {
			if (member instanceof TypeDeclaration<?> nested) {
				boolean allowed = metadata && nested instanceof ClassOrInterfaceDeclaration inner
						&& !inner.isInterface() && inner.getExtendedTypes().isEmpty()
						&& METADATA_NESTED.matcher(nested.getNameAsString()).matches()
						&& implemented(inner).equals(List.of("org.drools.model.DomainClassMetadata"))
						&& inner.getMembers().stream().noneMatch(TypeDeclaration.class::isInstance);
				if (!allowed) {
					refuse(source, nested, "klassen " + nested.getNameAsString());
				}
			}
			else if (member instanceof InitializerDeclaration && !rules) {
				refuse(source, member, "en initialiseringsblok");
			}
			else if (member instanceof MethodDeclaration method && ruleMethods
					&& !RULE_METHOD.matcher(method.getNameAsString()).matches()) {
				refuse(source, member, "metoden " + method.getNameAsString());
			}
			else if (member instanceof FieldDeclaration && ruleMethods) {
				refuse(source, member, "et felt");
			}
		}
	}

	private static List<String> implemented(ClassOrInterfaceDeclaration declaration) {
		return declaration.getImplementedTypes().stream().map((type) -> type.getNameWithScope()).toList();
	}

	// only the main class fills its list of declared types, and does nothing else
	private void checkInitializer(Source source, InitializerDeclaration initializer) {
		boolean allowed = !initializer.isStatic()
				&& initializer.getParentNode()
					.filter(ClassOrInterfaceDeclaration.class::isInstance)
					.map((parent) -> RULES_CLASS.matcher(((ClassOrInterfaceDeclaration) parent).getNameAsString())
						.matches())
					.orElse(false)
				&& initializer.getBody().getStatements().stream().allMatch(GeneratedCodeCheck::addsTypeMetaData);
		if (!allowed) {
			refuse(source, initializer, initializer.isStatic() ? "en static-blok" : "en initialiseringsblok");
		}
	}

	private static boolean addsTypeMetaData(Statement statement) {
		return statement instanceof ExpressionStmt expression
				&& expression.getExpression() instanceof MethodCallExpr add && add.getNameAsString().equals("add")
				&& add.getScope().filter((scope) -> scope.toString().equals("typeMetaDatas")).isPresent()
				&& add.getArguments().size() == 1 && add.getArgument(0) instanceof MethodCallExpr metaData
				&& metaData.getNameAsString().equals("typeMetaData")
				&& metaData.getScope().filter((scope) -> scope.toString().equals("D")).isPresent()
				&& metaData.getArguments().size() == 1 && metaData.getArgument(0) instanceof ClassExpr;
	}

	private void checkMethod(Source source, MethodDeclaration method) {
		String name = method.getNameAsString();
		if (!METHODS.contains(name) && !ACCESSOR.matcher(name).matches() && !RULE_METHOD.matcher(name).matches()) {
			refuse(source, method, "metoden " + name);
		}
		if (method.getModifiers()
			.stream()
			.anyMatch((modifier) -> modifier.getKeyword() == Keyword.NATIVE
					|| modifier.getKeyword() == Keyword.SYNCHRONIZED)) {
			refuse(source, method, "metoden " + name);
		}
	}

	private void checkType(Source source, ClassOrInterfaceType type) {
		// the scope of a qualified type is itself a type node: check the outermost only
		if (type.getParentNode().filter(ClassOrInterfaceType.class::isInstance).isPresent()
				&& ((ClassOrInterfaceType) type.getParentNode().get()).getScope().filter(type::equals).isPresent()) {
			return;
		}
		String name = type.getNameWithScope();
		if (!isAllowedType(name)) {
			refuse(source, type, "klassen " + name);
		}
	}

	private boolean isAllowedType(String name) {
		if (SIMPLE_TYPES.contains(name) || QUALIFIED_TYPES.contains(name) || this.vocabulary.isFactClass(name)
				|| this.generated.contains(name)) {
			return true;
		}
		if (name.startsWith(MODEL_API)) {
			return true;
		}
		String facts = FactVocabulary.FACTS_PACKAGE + ".";
		if (name.startsWith(facts)) {
			return this.vocabulary.isFactClass(name.substring(facts.length()));
		}
		if (name.startsWith(POLICY_PACKAGE + ".")) {
			String rest = name.substring(POLICY_PACKAGE.length() + 1);
			String simple = rest.substring(rest.lastIndexOf('.') + 1);
			return this.generated.contains(simple)
					&& (rest.equals(simple) || rest.matches("P[0-9A-F]{2}\\." + Pattern.quote(simple)));
		}
		return false;
	}

	private void checkCreation(Source source, ObjectCreationExpr creation) {
		String type = creation.getType().getNameWithScope();
		String simple = type.substring(type.lastIndexOf('.') + 1);
		boolean conclusion = (type.equals(simple) || type.equals(FactVocabulary.FACTS_PACKAGE + "." + simple))
				&& this.vocabulary.isConclusion(simple);
		boolean allowed = conclusion || this.generated.contains(simple) && isAllowedType(type)
				|| Set
					.of("java.util.ArrayList", "java.time.format.DateTimeFormatterBuilder",
							"org.drools.model.functions.PredicateInformation", "RuntimeException")
					.contains(type);
		if (!allowed || creation.getAnonymousClassBody().isPresent() || creation.getScope().isPresent()) {
			refuse(source, creation, "new " + type);
		}
	}

	// a name is a local, a parameter, a field, a class allowed above, or the start of a
	// qualified name of one
	private void checkName(Source source, NameExpr name) {
		String identifier = name.getNameAsString();
		if (isDeclared(name, identifier) || isAllowedType(identifier)) {
			return;
		}
		StringBuilder qualified = new StringBuilder(identifier);
		Node at = name;
		while (at.getParentNode().orElse(null) instanceof FieldAccessExpr access && access.getScope() == at) {
			qualified.append('.').append(access.getNameAsString());
			at = access;
			String prefix = qualified.toString();
			if (isAllowedType(prefix)) {
				return;
			}
		}
		if (qualified.toString().equals("java.util.Locale.ENGLISH")) {
			return;
		}
		refuse(source, name, "navnet " + qualified);
	}

	// declared in the same compilation unit: a parameter, a local variable or a field
	// (calls on a name are checked on their own, below)
	private boolean isDeclared(Node node, String identifier) {
		CompilationUnit unit = node.findCompilationUnit().orElse(null);
		if (unit == null) {
			return false;
		}
		return this.declaredNames.computeIfAbsent(unit, (key) -> {
			Set<String> names = new HashSet<>();
			key.findAll(Parameter.class).forEach((parameter) -> names.add(parameter.getNameAsString()));
			key.findAll(VariableDeclarator.class).forEach((variable) -> names.add(variable.getNameAsString()));
			return names;
		}).contains(identifier);
	}

	private void checkCall(Source source, MethodCallExpr call) {
		String name = call.getNameAsString();
		Optional<Expression> scope = call.getScope();
		if (!call.getTypeArguments().map((arguments) -> arguments.isEmpty()).orElse(true)) {
			refuse(source, call, "kaldet " + name);
			return;
		}
		if (scope.isEmpty()) {
			if (!name.equals("getRulesList") || !call.getArguments().isEmpty()) {
				refuse(source, call, "kaldet " + name);
			}
			return;
		}
		Expression on = scope.get();
		boolean allowed;
		if (on instanceof NameExpr || on instanceof FieldAccessExpr && isQualifiedName(on)) {
			allowed = isAllowedStaticOrVariableCall(call, on.toString(), name);
		}
		else if (on instanceof MethodCallExpr inner) {
			allowed = isAllowedChainCall(call, inner, name);
		}
		else if (on instanceof ObjectCreationExpr creation) {
			allowed = creation.getType().getNameWithScope().equals("java.time.format.DateTimeFormatterBuilder")
					&& DATE_FORMAT_CHAIN.contains(name);
		}
		else if (on instanceof EnclosedExpr enclosed && enclosed.getInner() instanceof CastExpr cast) {
			// ((DroolsImpl) drools).asKnowledgeHelper(), to insert a logical fact
			allowed = name.equals("asKnowledgeHelper") && call.getArguments().isEmpty()
					&& cast.getType().asString().equals("org.drools.modelcompiler.consequence.DroolsImpl")
					&& cast.getExpression().toString().equals("drools");
		}
		else {
			allowed = false;
		}
		if (!allowed) {
			refuse(source, call, "kaldet " + on + "." + name);
		}
	}

	private static boolean isQualifiedName(Expression expression) {
		Expression at = expression;
		while (at instanceof FieldAccessExpr access) {
			at = access.getScope();
		}
		return at instanceof NameExpr;
	}

	private boolean isAllowedStaticOrVariableCall(MethodCallExpr call, String scope, String name) {
		int arguments = call.getArguments().size();
		switch (scope) {
			case "D", "org.drools.modelcompiler.dsl.pattern.D":
				return DSL_METHODS.contains(name);
			case "drools":
				return INSERTS.contains(name) && arguments == 1 && isParameter(call, "drools");
			case "info":
				return name.equals("addRuleNames")
						&& call.getArguments().stream().allMatch(StringLiteralExpr.class::isInstance);
			case "typeMetaDatas":
				return name.equals("add") && arguments == 1;
			case "java.util.Arrays":
				return name.equals("asList");
			case "java.util.Collections":
				return name.equals("emptyList") && arguments == 0;
			case "org.drools.modelcompiler.util.EvaluationUtil":
				return COMPARISONS.contains(name);
			case "org.drools.util.DateUtils":
				return name.equals("getDateFormatMask") && arguments == 0;
			default:
				break;
		}
		if (METADATA_INSTANCE.matcher(scope).matches()) {
			// the index of a property, to index a constraint on it
			return name.equals("getPropertyIndex") && arguments == 1
					&& call.getArgument(0) instanceof StringLiteralExpr;
		}
		if (RULE_METHODS_CLASS.matcher(scope).matches() && this.generated.contains(scope)) {
			return RULE_METHOD.matcher(name).matches() && arguments == 0;
		}
		String facts = FactVocabulary.FACTS_PACKAGE + ".";
		String fact = scope.startsWith(facts) ? scope.substring(facts.length()) : scope;
		if (this.vocabulary.isFactory(fact, name)) {
			return true;
		}
		// a fact's accessor on the fact a lambda is given
		Class<?> type = parameterType(call, scope);
		return type != null && arguments == 0 && isAccessor(type, name);
	}

	private boolean isAllowedChainCall(MethodCallExpr call, MethodCallExpr inner, String name) {
		MethodCallExpr root = inner;
		while (root.getScope().orElse(null) instanceof MethodCallExpr next) {
			root = next;
		}
		Expression rootScope = root.getScope().orElse(null);
		if (rootScope == null) {
			return false;
		}
		String scope = rootScope.toString();
		if (scope.equals("D") || scope.equals("org.drools.modelcompiler.dsl.pattern.D")) {
			return DSL_CHAIN.contains(name);
		}
		if (rootScope instanceof ObjectCreationExpr creation
				&& creation.getType().getNameWithScope().equals("java.time.format.DateTimeFormatterBuilder")) {
			return DATE_FORMAT_CHAIN.contains(name);
		}
		if (rootScope instanceof NameExpr fact && root == inner && name.equals("size") && call.getArguments().isEmpty()
				&& parameterType(inner, fact.getNameAsString()) != null
				&& isAccessor(parameterType(inner, fact.getNameAsString()), inner.getNameAsString())) {
			// a collection of the fact, as a constraint may ask: problems.size()
			return true;
		}
		if (rootScope instanceof EnclosedExpr && root.getNameAsString().equals("asKnowledgeHelper") && root == inner) {
			return INSERTS.contains(name);
		}
		return false;
	}

	private static boolean isParameter(Node node, String identifier) {
		for (Node at = node; at != null; at = at.getParentNode().orElse(null)) {
			if (at instanceof MethodDeclaration method) {
				return method.getParameters().stream().anyMatch((p) -> p.getNameAsString().equals(identifier));
			}
		}
		return false;
	}

	// the class of a method parameter that is a fact or a declared type, or null
	private Class<?> parameterType(Node node, String identifier) {
		for (Node at = node; at != null; at = at.getParentNode().orElse(null)) {
			if (at instanceof MethodDeclaration method) {
				return method.getParameters()
					.stream()
					.filter((p) -> p.getNameAsString().equals(identifier))
					.findFirst()
					.map((p) -> factOrDeclared(p.getType().asString()))
					.orElse(null);
			}
		}
		return null;
	}

	// the fact record named, or Object.class standing for a type this version declares
	private Class<?> factOrDeclared(String type) {
		String facts = FactVocabulary.FACTS_PACKAGE + ".";
		String simple = type.startsWith(facts) ? type.substring(facts.length()) : type;
		if (this.vocabulary.isFact(simple)) {
			try {
				return Class.forName(facts + simple);
			}
			catch (ClassNotFoundException ex) {
				return null;
			}
		}
		String policy = POLICY_PACKAGE + ".";
		simple = type.startsWith(policy) ? type.substring(policy.length()) : type;
		return (DECLARED_TYPE.matcher(simple).matches() && this.generated.contains(simple)) ? Object.class : null;
	}

	private static boolean isAccessor(Class<?> type, String name) {
		if (type == Object.class) {
			// a declared type's getter, which the check of its class allows
			return name.startsWith("get") && ACCESSOR.matcher(name).matches();
		}
		RecordComponent[] components = type.getRecordComponents();
		return components != null
				&& Arrays.stream(components).anyMatch((component) -> component.getName().equals(name));
	}

}
