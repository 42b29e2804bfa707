/**
 * The lift a campaign really caused (docs/campaigns.md, "Control groups and lift"): its treatment against its
 * control group, conversion rates, revenue per recipient (exact, minor units) and the relative lift with a 95 %
 * confidence interval ({@link io.basira.campaigns.lift.LiftStatistics}). Plain Java, no state.
 */
package io.basira.campaigns.lift;
