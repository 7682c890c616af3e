package dk.model3.batch;

/**
 * One physical line of the input, numbered from 1, without its line break.
 * {@code tooLong} marks a line cut off at the reader's limit.
 */
record Line(long number, byte[] bytes, boolean tooLong) {

}
