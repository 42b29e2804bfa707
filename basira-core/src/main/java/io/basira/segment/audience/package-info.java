/**
 * A store's customers in memory, evaluated by rule ({@link io.basira.segment.audience.CustomerAudience}):
 * the seam between group management and the engines. {@code IndexedAudience} compiles rules onto the
 * columnar index (what the server uses); {@code ScanAudience} runs the single-customer evaluator over
 * everyone (the reference). Both answer every rule alike.
 */
package io.basira.segment.audience;
