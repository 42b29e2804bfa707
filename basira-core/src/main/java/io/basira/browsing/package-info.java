/**
 * Browsing (docs/browsing.md): what the tracking snippet sends, as values that validate themselves
 * ({@link io.basira.browsing.BrowsingEvent}, each refusal with its {@link io.basira.browsing.Refusal}
 * reason), and a customer's browsing aggregates as the card fields read them
 * ({@link io.basira.browsing.BrowsingStats}), and the stored 64-bit hash of a visitor id the events are indexed by
 * ({@link io.basira.browsing.VisitorHash}: the server's writer and V280, and the bench, compute it here). Plain
 * Java: no clock, no storage.
 */
package io.basira.browsing;
