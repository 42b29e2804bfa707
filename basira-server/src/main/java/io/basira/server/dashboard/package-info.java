/**
 * The merchant's dashboard (docs/dashboard.md): Thymeleaf and htmx pages, Arabic first and English.
 * Every page acts on the signed-in user's store ({@code SignedIn}, resolved from the session, never from
 * the request); a support user reads but changes nothing.
 */
package io.basira.server.dashboard;
