/**
 * The HTTP API's plumbing: API-key authentication and the {@code CurrentStore} argument (every
 * {@code /api/v1} call acts on its key's store; no parameter names a store), errors as RFC 9457
 * problems (unexpected failures logged by error id, without messages), and the limits on request bodies.
 *
 * <p>The typed boundary's shared parts (docs/api.md): request records are checked with Bean Validation;
 * {@code Text} is the core's text rule as a constraint, a broken constraint is a problem line per field
 * ({@code RequestProblems}: 422 for a record marked {@code UnprocessableWhenInvalid}, else 400), its reason in
 * the request's language ({@code ApiLocales}: Arabic or English by Accept-Language, English by default).
 */
package io.basira.server.platform.web;
