/**
 * The offer simulator's adapters (docs/checkout.md, "Simulating an offer before saving it"):
 * {@code POST /api/v1/checkout/simulate} ({@link io.basira.server.checkout.simulation.api.SimulationController}) and the
 * service the dashboard's policy and coupon forms call ({@link io.basira.server.checkout.simulation.OfferSimulations}),
 * both over the core's {@link io.basira.checkout.simulation.SimulateOffer}, wired by
 * {@link io.basira.server.checkout.simulation.SimulationConfiguration} to the groups' memory and the analytics' order
 * columns ({@link io.basira.server.analytics.AnalyticsData}). Nothing is written.
 */
package io.basira.server.checkout.simulation;
