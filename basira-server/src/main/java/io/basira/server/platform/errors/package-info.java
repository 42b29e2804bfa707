/**
 * Errors as RFC 9457 problems: {@code ApiErrors} turns exceptions into answers (unexpected failures are logged by
 * error id, never with their message). Use cases throw the plain exceptions of this package ({@code NotFound},
 * {@code InvalidRecords}) or the core's, never an HTTP type.
 */
package io.basira.server.platform.errors;
