/**
 * The failures a port may raise, each mapped once to an HTTP problem and a CLI exit code: unusable
 * ESCO input (the caller's fault), a store that cannot answer (ESCO store, search store), a remote
 * service that failed.
 */
package eu.skillsobservatory.analytics.failures;
