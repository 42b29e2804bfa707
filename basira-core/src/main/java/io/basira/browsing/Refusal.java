package io.basira.browsing;

import java.util.Locale;

/** Why an event was refused: its code names the counter ({@code basira.browsing.rejected{reason=…}}). */
public enum Refusal {
    /** The kind is missing or not one of {@link EventKind}. */
    UNKNOWN_KIND,
    /** The visitor or session id is missing or not 8 to 64 letters, digits, '-' or '_'. */
    BAD_ID,
    /** A field the kind needs (product, query, customer) is missing. */
    MISSING_FIELD,
    /** A text is too long or holds control characters. */
    BAD_TEXT,
    /** The body is not a JSON event or array of events, or holds more events than one request may. */
    BAD_BODY,
    /** The request's Origin is not one of the site's allowed origins. */
    ORIGIN_NOT_ALLOWED,
    /** The site key names no site. */
    UNKNOWN_SITE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
