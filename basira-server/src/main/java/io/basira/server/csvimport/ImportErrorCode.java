package io.basira.server.csvimport;

import java.util.Locale;

/**
 * Every kind of problem the import's reader reports (docs/import.md, "Errors"). Each {@link RowError} has one, with
 * {@link #arguments()} arguments, so it is said in the reader's language from the bundles'
 * {@code import.error.<code>} (the dashboard's import page and mapping preview, the API by Accept-Language); the
 * English sentence of the {@link RowError} stays the CLI's. A new problem is a new constant here and its two
 * texts ({@code ImportErrorCodesTest} fails until both bundles have it).
 */
public enum ImportErrorCode {

    /** A required value is empty. */
    REQUIRED(0),
    /** value */
    NOT_DECIMAL(1),
    /** value, decimals, currency */
    TOO_MANY_DECIMALS(3),
    /** value, decimals: a unit price finer than {@code UnitPrice.MAX_DECIMALS} */
    TOO_MANY_PRICE_DECIMALS(2),
    /** value: an amount below zero */
    NEGATIVE(1),
    /** value, largest: an amount of 10^12 or more */
    TOO_LARGE(2),
    /** value, from, to */
    NOT_WHOLE(3),
    /** value, from */
    NOT_WHOLE_FROM(2),
    /** value */
    NOT_COUNTRY(1),
    /** value: not an ISO-8601 date-time or date */
    NOT_DATE_TIME(1),
    /** value: not {@code YYYY-MM-DD} */
    NOT_DATE(1),
    /** value, format: not a date of the column mapping's format */
    NOT_DATE_IN_FORMAT(2),
    /** value, earliest, latest */
    DATE_OUT_OF_RANGE(3),
    /** value, the accepted codes */
    UNKNOWN_STATUS(2),
    /** value, the accepted codes */
    UNKNOWN_CART_STATUS(2),
    /** value */
    UNKNOWN_GENDER(1),
    /** longest, length */
    TOO_LONG(2),
    /** code point ({@code U+0000}), position */
    CONTROL_CHARACTER(2),
    /** code point, position */
    UNPAIRED_SURROGATE(2),
    /** order id */
    UNKNOWN_ORDER(1),
    /** customer id */
    UNKNOWN_CUSTOMER(1),
    /** cart id: a cart line's cart is neither in the store nor in this import's carts.csv */
    UNKNOWN_CART(1),
    /** value: not an absolute http or https link (a cart line's url) */
    NOT_A_LINK(1),
    /** currency, the store's currency */
    WRONG_CURRENCY(2),
    /** The header names a canonical column twice. */
    COLUMN_REPEATED(0),
    /** The header lacks a required column. */
    COLUMN_MISSING(0),
    /** the headers the column mapping looked for */
    MAPPED_COLUMN_MISSING(1),
    /** fields, header fields */
    FIELD_COUNT(2),
    /** A required file is not in the folder. */
    FILE_MISSING(0),
    /** the file pattern of the column mapping */
    MAPPED_FILE_MISSING(1),
    /** The file has no header row. */
    EMPTY_FILE(0),
    /** A quoted field is not closed before the end of the file. */
    UNCLOSED_QUOTE(0),
    /** character: something follows a closing quote inside a field */
    TEXT_AFTER_QUOTE(1),
    /** the parser's limit in characters ({@code 16,777,216}): a field longer (mostly a quote never closed) */
    FIELD_TOO_BIG(1),
    /** the parser's limit in characters: a row longer than that */
    ROW_TOO_BIG(1),
    /** the parser's limit of fields in one row */
    TOO_MANY_FIELDS(1),
    /** Any other refusal of the CSV parser (its detail in the English sentence only). */
    MALFORMED_CSV(0),
    /** byte ({@code 0xE9}), offset */
    NOT_UTF8(2),
    /** The file is not UTF-8, at a place the second scan did not find. */
    NOT_UTF8_SOMEWHERE(0),
    /** The import's path is not a folder (the command line). */
    NOT_A_FOLDER(0),
    /**
     * value: a column's parser refused it without a code of its own (a guard: every parser refuses with its code;
     * the English detail stays in the English sentence).
     */
    VALUE_REFUSED(1),
    /**
     * The record's constructor refused the row: its last word, after every column passed its own checks (a guard;
     * the column checks above refuse first; the English detail stays in the English sentence).
     */
    RECORD_REFUSED(0);

    private final int arguments;

    ImportErrorCode(int arguments) {
        this.arguments = arguments;
    }

    /** The code of the bundles and of the API's {@code error_details} ({@code not_decimal}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many arguments a {@link RowError} of this code carries, {@code {0}} to {@code {n-1}} of its texts. */
    public int arguments() {
        return arguments;
    }
}
