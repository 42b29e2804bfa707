/**
 * The security chains (docs/security.md): the actuator (health open, metrics behind the operator's
 * token), the stateless API (key authentication) and the dashboard (form sign-in throttled, CSRF,
 * sessions).
 */
package io.basira.server.security;
