package io.basira.checkout;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Codes of payment methods, carriers and coupons: how they are written and compared. */
final class Codes {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private Codes() {}

    /** A method or carrier code: 1–64 of a-z, 0-9, '_', '.', '-' (stored lower-case). */
    static String requireCode(String code, String what) {
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (!CODE.matcher(normal).matches()) {
            throw new IllegalArgumentException(
                    what + " '" + code + "' must be 1-64 characters of a-z, 0-9, '_', '.', '-'");
        }
        return normal;
    }

    static Set<String> requireSome(Set<String> codes, String what) {
        if (codes == null || codes.isEmpty()) {
            throw new IllegalArgumentException(what + " must name at least one code");
        }
        Set<String> normal = new LinkedHashSet<>();
        codes.forEach(code -> normal.add(requireCode(code, what)));
        return Set.copyOf(normal);
    }
}
