/**
 * The rule workbench for policy staff: drafts of rule versions edited in the browser or
 * through /api/v1/drafts, every check as a gate, the impact preview, four eyes before a
 * publication, and the audit trail of each version.
 */
package dk.model3.workbench;
