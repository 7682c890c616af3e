package dk.model3.rules;

import java.util.List;

/**
 * What a rule says about itself: its stable id, its name sentence, its Danish and English
 * text, its source, the next step it tells the caseworker (may be null), the file it
 * stands in and the facts its conditions read.
 */
public record RuleMetadata(String id, String name, Text text, SourceRef source, Text nextStep, String file,
		List<FactUse> uses) {

	public RuleMetadata {
		uses = List.copyOf(uses);
	}

}
