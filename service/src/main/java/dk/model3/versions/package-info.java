/**
 * The repository of rule versions (Eclipse JGit, no git binary): published versions on
 * {@code main} with a tag each, drafts on branches, and the folder the service serves
 * checked out from {@code main}.
 */
package dk.model3.versions;
