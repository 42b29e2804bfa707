/**
 * The event feed and the outbox's state over HTTP ({@code /api/v1/events}).
 */
package io.basira.server.platform.events.api;
