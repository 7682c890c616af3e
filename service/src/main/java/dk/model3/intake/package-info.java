/**
 * The caseworkers' intake page: the form at {@code /}, checked by the same request reader
 * as the API, and the result page with the recommendation and why.
 */
package dk.model3.intake;
