/**
 * The caller's own store and its API keys (only hashes are stored; a secret is shown once).
 */
package io.basira.server.stores;
