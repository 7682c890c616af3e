package dk.model3.spark;

/**
 * A rule version shipped with the job is not the one the evaluator named: a different
 * checksum, or a folder that cannot be read or compiled. The job does not start.
 */
class ChecksumMismatch extends RuntimeException {

	ChecksumMismatch(String message) {
		super(message);
	}

}
