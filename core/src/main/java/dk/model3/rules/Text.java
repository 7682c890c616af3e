package dk.model3.rules;

/** A sentence in Danish and English; Danish first because caseworkers read it first. */
public record Text(String da, String en) {

	/** The two texts joined sentence by sentence, or null when there are none. */
	static Text join(Iterable<Text> texts) {
		StringBuilder da = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (Text text : texts) {
			da.append(da.isEmpty() ? "" : " ").append(text.da());
			en.append(en.isEmpty() ? "" : " ").append(text.en());
		}
		return da.isEmpty() ? null : new Text(da.toString(), en.toString());
	}

}
