package io.basira.index;

/** How a column stores its values; see docs/index.md for the layout of each. */
public enum ColumnKind {
    /**
     * Whole numbers held as {@code long} at the API and stored in the narrowest of byte, short,
     * int or long that fits every value written so far (the column widens itself on demand).
     * Money in minor units, counts, dates as epoch days, ratings.
     */
    INTEGER,
    /** Strings stored as int codes of a per-column dictionary (codes in first-seen order). */
    DICTIONARY,
    /** A set of string tags per row, stored as one RoaringBitmap of rows per tag value. */
    TAGS,
    /**
     * A set of string tags per row, each with a day (an epoch day): one RoaringBitmap of rows per tag plus each
     * row's (tag, day) pairs. What a customer viewed, and when last.
     */
    DATED_TAGS
}
