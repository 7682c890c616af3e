package dk.model3.rules.language;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.model3.facts.Profile;

/**
 * What a rule may name, read off the facts package rather than listed again: the fact
 * types a pattern may match, the conclusions a consequence may insert and how it may
 * build them, and the enum constants an argument or constraint may use. Adding a fact or
 * a factory is a reviewed change to Java; the rule files can only use what is there.
 */
public final class FactVocabulary {

	public static final String FACTS_PACKAGE = Profile.class.getPackageName();

	private static final FactVocabulary INSTANCE = read();

	private final Map<String, Class<?>> records;

	private final Map<String, Set<String>> enums;

	private final Map<String, List<String>> enumOrder;

	private FactVocabulary(Map<String, Class<?>> records, Map<String, Set<String>> enums,
			Map<String, List<String>> enumOrder) {
		this.records = Map.copyOf(records);
		this.enums = Map.copyOf(enums);
		this.enumOrder = Map.copyOf(enumOrder);
	}

	public static FactVocabulary get() {
		return INSTANCE;
	}

	/** A class of the facts package by its simple name, as an import may name it. */
	public boolean isFactClass(String name) {
		return this.records.containsKey(name) || this.enums.containsKey(name);
	}

	/** A fact a pattern may match: any record of the facts package. */
	public boolean isFact(String name) {
		return this.records.containsKey(name);
	}

	/**
	 * A conclusion a rule may insert: a record of the facts package other than the
	 * profile, which only the service inserts (a rule that made one up would invent a
	 * citizen).
	 */
	public boolean isConclusion(String name) {
		return isFact(name) && this.records.get(name) != Profile.class;
	}

	/**
	 * A public static method of a conclusion that returns the conclusion: a named way to
	 * build it, which the facts package keeps free of anything but building the record.
	 */
	public boolean isFactory(String type, String method) {
		if (!isConclusion(type)) {
			return false;
		}
		Class<?> owner = this.records.get(type);
		return Arrays.stream(owner.getDeclaredMethods())
			.anyMatch((candidate) -> candidate.getName().equals(method) && isFactoryOf(candidate, owner));
	}

	boolean isEnum(String name) {
		return this.enums.containsKey(name);
	}

	boolean isEnumConstant(String type, String constant) {
		return this.enums.getOrDefault(type, Set.of()).contains(constant);
	}

	/**
	 * The constants of a facts enum in the order the enum declares them; empty for none.
	 */
	List<String> enumConstants(String type) {
		return this.enumOrder.getOrDefault(type, List.of());
	}

	private static boolean isFactoryOf(Method method, Class<?> owner) {
		int modifiers = method.getModifiers();
		return Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && method.getReturnType() == owner;
	}

	private static FactVocabulary read() {
		Map<String, Class<?>> records = new HashMap<>();
		Map<String, Set<String>> enums = new HashMap<>();
		Map<String, List<String>> enumOrder = new HashMap<>();
		try {
			for (ClasspathFolder.Entry entry : ClasspathFolder.files(FactVocabulary.class.getClassLoader(),
					FACTS_PACKAGE.replace('.', '/'))) {
				String file = entry.path();
				if (!file.endsWith(".class") || file.contains("/") || file.contains("$")
						|| file.startsWith("package-info")) {
					continue;
				}
				Class<?> type = Class
					.forName(FACTS_PACKAGE + "." + file.substring(0, file.length() - ".class".length()));
				if (!Modifier.isPublic(type.getModifiers())) {
					continue;
				}
				if (type.isRecord()) {
					records.put(type.getSimpleName(), type);
				}
				else if (type.isEnum()) {
					List<String> constants = new ArrayList<>();
					for (Object constant : type.getEnumConstants()) {
						constants.add(((Enum<?>) constant).name());
					}
					enums.put(type.getSimpleName(), new HashSet<>(constants));
					enumOrder.put(type.getSimpleName(), List.copyOf(constants));
				}
			}
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("a class file of the facts package does not load", ex);
		}
		return new FactVocabulary(records, enums, enumOrder);
	}

}
