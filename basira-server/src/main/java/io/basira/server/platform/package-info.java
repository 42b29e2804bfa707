/**
 * What every feature uses and that uses no feature: tenancy (which store a request acts on, its write locks),
 * security (API keys, dashboard users and roles, the public doors), errors (RFC 9457 problems), web (body limits,
 * validation, languages), events (the durable outbox), jobs (the scheduler), JDBC helpers, CSV writing, throttles
 * and upload folders. ServerShapeTest keeps it free of features.
 */
package io.basira.server.platform;
