/**
 * The dashboard's shell (docs/dashboard.md): layout, locale (Arabic first, English), sign-in, navigation, and the
 * words every page shares — formats, plurals, names instead of codes ({@code DashboardWords}, {@code RuleWords}).
 * Every page acts on the signed-in user's store ({@code SignedIn}, resolved from the session, never from the
 * request); a support user reads but changes nothing. Each feature's pages live in the feature's {@code web}
 * package; the shell uses no feature (ServerShapeTest).
 */
package io.basira.server.dashboard;
