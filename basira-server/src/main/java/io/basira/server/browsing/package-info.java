/**
 * Browsing (docs/browsing.md): the first-party tracking snippet, the intake of its events (batched, bounded,
 * checked against the site's allowed origins), sessions and returning visitors, card fields and analytics.
 */
package io.basira.server.browsing;
