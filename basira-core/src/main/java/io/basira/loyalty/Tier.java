package io.basira.loyalty;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A membership level of a program: its name (what {@code loyalty_tier} holds), the threshold the
 * customer's tier basis must reach (minor units of the store's currency for spend, points for points
 * earned), and its perks: a points multiplier in thousandths ({@code 1500} = ×1.5), free shipping at
 * checkout, and early access (customers of the tier are a group: {@code loyalty_tier = 'gold'}).
 */
public record Tier(String name, long threshold, int multiplierPermille, boolean freeShipping, boolean earlyAccess) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,39}");

    public Tier {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("tier name '" + name + "': 1 to 40 letters, digits, spaces, '_' or '-'");
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("tier " + name + ": threshold " + threshold + " is negative");
        }
        if (multiplierPermille < 1000 || multiplierPermille > 10_000) {
            throw new IllegalArgumentException(
                    "tier " + name + ": multiplier " + multiplierPermille + "/1000 is outside 1.0 to 10.0");
        }
    }
}
