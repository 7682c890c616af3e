/**
 * The facts the rule files match on and the conclusions they record: the vocabulary
 * shared by the DRL files and the service.
 */
package dk.model3.facts;
