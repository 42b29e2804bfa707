/**
 * The security chains (docs/security.md): the actuator (health open, metrics behind the operator's
 * token), the stateless API (key authentication) and the dashboard (form sign-in throttled, CSRF,
 * sessions, and the one role rule: each request needs one {@code dashboard.Permission}, which
 * {@code dashboard.Role} grants).
 */
package io.basira.server.platform.security;
