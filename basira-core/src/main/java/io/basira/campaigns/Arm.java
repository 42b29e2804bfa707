package io.basira.campaigns;

import java.util.Locale;

/** The side of a campaign a customer is on: sent to (treatment) or kept back (control). */
public enum Arm {
    TREATMENT,
    CONTROL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Arm fromCode(String code) {
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
