/**
 * Reading a triage request: one validator for the API, batch files and scenario files, so
 * the same input is accepted or refused the same way everywhere.
 */
package dk.model3.request;
