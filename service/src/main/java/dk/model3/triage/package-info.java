/** The triage API: POST /api/v1/triage, its response and its problem responses. */
package dk.model3.triage;
