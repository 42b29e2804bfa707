/**
 * The analyses of docs/analytics.md (overview, 80/20, cohorts, RFM, customer types, regularity,
 * discount sensitivity, regions) and the analytics card fields, computed from a store's facts
 * ({@code StoreFacts}) as of a given day. Deterministic: the same facts and day give the same report.
 */
package io.basira.analytics;
