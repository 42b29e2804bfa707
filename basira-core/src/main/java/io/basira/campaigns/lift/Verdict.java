package io.basira.campaigns.lift;

import java.util.Locale;

/** What a lift report can say. */
public enum Verdict {
    /** The campaign kept no control group (share 0): no comparison. */
    NO_CONTROL,
    /** Too few recipients or conversions on a side for an interval worth reading. */
    TOO_SMALL,
    /** The 95 % interval includes 0: the difference may be chance. */
    NOT_SIGNIFICANT,
    /** The whole interval is above 0: the campaign raised conversions. */
    POSITIVE,
    /** The whole interval is below 0: the campaign lowered conversions. */
    NEGATIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
