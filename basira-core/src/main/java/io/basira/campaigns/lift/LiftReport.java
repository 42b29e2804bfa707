package io.basira.campaigns.lift;

import java.math.BigDecimal;

/**
 * Treatment against control for one campaign (docs/campaigns.md, "Control groups and lift").
 *
 * @param lift        relative lift of the conversion rate, (t − c) / c; null when it cannot be computed (no control,
 *                    no control conversions)
 * @param lower       the 95 % interval's lower end (null with {@code lift} or when too small)
 * @param upper       its upper end
 * @param revenueDifferenceMinor revenue per recipient, treatment minus control, in minor units (4 decimals)
 */
public record LiftReport(
        ArmResult treatment,
        ArmResult control,
        Double lift,
        Double lower,
        Double upper,
        BigDecimal revenueDifferenceMinor,
        Verdict verdict) {}
