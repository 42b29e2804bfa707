/**
 * The HTTP API's plumbing: API-key authentication and the {@code CurrentStore} argument (every
 * {@code /api/v1} call acts on its key's store; no parameter names a store), errors as RFC 9457
 * problems (unexpected failures logged by error id, without messages), and the limits on request bodies.
 */
package io.basira.server.api;
