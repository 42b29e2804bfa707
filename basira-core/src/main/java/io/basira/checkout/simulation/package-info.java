/**
 * The offer simulator (docs/checkout.md, "Simulating an offer before saving it"): before a checkout policy,
 * coupon, offer or campaign is saved, who it reaches (customers in its groups or rule, their share of the
 * store, and whether anonymous visitors and customers without any order qualify) and what it would have cost
 * over the last 90 days' orders. {@link io.basira.checkout.simulation.SimulateOffer} is the use case; it reads
 * membership from the groups' memory ({@link io.basira.checkout.simulation.GroupAudiences}, the same answer
 * {@link io.basira.checkout.EvaluateCheckout} gets from {@link io.basira.checkout.CustomerGroups}) and orders
 * from the analytics' columns in memory ({@link io.basira.analytics.StoreFacts}), never from SQL. Money is
 * exact, priced with the checkout's own {@link io.basira.checkout.Amounts}.
 */
package io.basira.checkout.simulation;
