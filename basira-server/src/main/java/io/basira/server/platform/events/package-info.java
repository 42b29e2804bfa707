/**
 * The transactional outbox (ARCHITECTURE.md, "How a write flows"): a use case's domain events are stored in its
 * transaction, delivered after the commit to each durable listener at least once, retried with back-off, and fed
 * to other instances through the event feed.
 */
package io.basira.server.platform.events;
