/**
 * Which store a request acts on, and one writer per store at a time: {@code CurrentStore} (the API key's store),
 * the stores and their API keys, and the store write locks (in-process on H2, advisory locks keyed by schema and
 * store on PostgreSQL).
 */
package io.basira.server.platform.tenancy;
