/**
 * Many instances, one rule version: each instance follows the shared repository of
 * published rule versions, checks a newly published version off the request path and puts
 * it in service through the reloader, or refuses it and keeps serving what it had.
 */
package dk.model3.replicas;
