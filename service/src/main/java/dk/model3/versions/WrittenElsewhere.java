package dk.model3.versions;

/**
 * The shared repository refused a write because another instance wrote the same branch
 * first (a push that is not a fast-forward): nothing was overwritten, this instance has
 * fetched what the other wrote, and the person may look again and retry.
 */
public class WrittenElsewhere extends RuntimeException {

	WrittenElsewhere(String message) {
		super(message);
	}

}
