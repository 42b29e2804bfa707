package io.basira.demo;

/** Money in the generator: a long of minor units (halalas), written as a plain 2-decimal string. */
final class MinorUnits {

    private MinorUnits() {}

    /** {@code 19950 -> "199.50"}; the amount must not be negative. */
    static String format(long minor) {
        if (minor < 0) {
            throw new IllegalArgumentException("negative amount " + minor);
        }
        long cents = minor % 100;
        return (minor / 100) + (cents < 10 ? ".0" : ".") + cents;
    }

    /** {@code percent}% of {@code minor}, rounded half up to the minor unit. */
    static long percentOf(long minor, int percent) {
        return (minor * percent + 50) / 100;
    }
}
