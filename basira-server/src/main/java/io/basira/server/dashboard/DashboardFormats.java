package io.basira.server.dashboard;

import io.basira.shared.Money;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the dashboard writes numbers, money and dates for one request: in the reader's language
 * (Latin digits in both, see {@link DashboardLocales}), in the store's currency, and with instants
 * shown as dates and times in the store's time zone (the merchant's day, not the server's).
 *
 * <p>Not thread-safe ({@link NumberFormat} is not): make one per request. Every method returns an
 * empty string for null.
 */
public final class DashboardFormats {

    /** ISO 3166 country codes (the JDK copies its array on every call). */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Between a letter and a digit: where an English currency symbol meets its number. */
    private static final Pattern GLUED_SYMBOL = Pattern.compile("(?<=\\p{L})(?=\\d)");

    private final Store store;
    private final Locale language;
    private final NumberFormat money;
    private final NumberFormat integer;
    private final NumberFormat decimal;
    private final NumberFormat percent;
    private final NumberFormat percentFigure;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter month;

    public DashboardFormats(Locale language, Store store) {
        this.store = store;
        this.language = language;
        Locale locale = DashboardLocales.formatting(language);
        boolean arabic = DashboardLocales.isRightToLeft(language);
        int digits = Money.fractionDigits(store.currency());
        money = NumberFormat.getCurrencyInstance(locale);
        money.setCurrency(store.currency());
        money.setMinimumFractionDigits(digits);
        money.setMaximumFractionDigits(digits);
        integer = NumberFormat.getIntegerInstance(locale);
        decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMaximumFractionDigits(2);
        percent = NumberFormat.getPercentInstance(locale);
        percentFigure = NumberFormat.getPercentInstance(locale);
        percentFigure.setMaximumFractionDigits(2);
        date = DateTimeFormatter.ofPattern(arabic ? "d MMMM y" : "d MMM y", locale);
        dateTime = DateTimeFormatter.ofPattern(arabic ? "d MMMM y، HH:mm" : "d MMM y, HH:mm", locale);
        month = DateTimeFormatter.ofPattern(arabic ? "MMMM y" : "MMM y", locale);
    }

    /** An amount in minor units of the store's currency, e.g. {@code ر.س. 1,234.50} or {@code SAR1,234.50}. */
    public String money(long minor) {
        return money.format(Money.ofMinor(minor, store.currency()).toDecimal());
    }

    /**
     * The store's currency as the reader's language writes it beside a label or an axis ({@code ر.س.} in Arabic,
     * {@code SAR} in English), the symbol {@link #money} writes.
     */
    public String currency() {
        return store.currency()
                .getSymbol(DashboardLocales.formatting(language))
                .strip()
                .replace("\u200F", "");
    }

    /**
     * A KPI card's figure with a line break allowed between a currency and its number, never inside the number: on
     * a phone the card's column is narrower than a money figure ({@code ر.س. 1,234,567.89}, {@code SAR1,234,567.89}).
     * The no-break space the formatter puts after the Arabic symbol becomes a plain space, and a zero-width space
     * goes between a symbol written against its digits (English) and the first digit; nothing else changes.
     */
    public String figure(String text) {
        return text == null
                ? ""
                : GLUED_SYMBOL.matcher(text.replace('\u00A0', ' ')).replaceAll("\u200B");
    }

    /** An amount in major units of the store's currency. */
    public String money(BigDecimal major) {
        return major == null ? "" : money.format(major);
    }

    /** A plain decimal in major units as the timeline carries it ({@code "199.50"}). */
    public String moneyText(String major) {
        return major == null || major.isBlank() ? "" : money(new BigDecimal(major));
    }

    public String number(Number value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal big ? decimal.format(big) : integer.format(value.longValue());
    }

    /** A share between 0 and 1 as a whole percentage. */
    public String percent(BigDecimal share) {
        return share == null ? "" : percent.format(share);
    }

    /**
     * A figure that already is a percentage ({@code 15} for 15 %, as a coupon's {@code percent}), as {@code 15٪}
     * in Arabic and {@code 15%} in English: the display policy of docs/dashboard.md (Latin digits, the
     * language's percent sign). Accepts a number or its text.
     */
    public String percentFigure(Object figure) {
        if (figure == null || figure.toString().isBlank()) {
            return "";
        }
        BigDecimal value = figure instanceof BigDecimal big ? big : new BigDecimal(figure.toString());
        return percentFigure.format(value.movePointLeft(2));
    }

    /** The date of an instant in the store's time zone. */
    public String date(Instant instant) {
        return instant == null ? "" : date.format(instant.atZone(store.timeZone()));
    }

    public String date(LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    /** Date and 24-hour time of an instant in the store's time zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant.atZone(store.timeZone()));
    }

    /**
     * A country by its ISO 3166 code in the reader's language ({@code SA}: السعودية / Saudi Arabia); a text that
     * is not a known code is shown as it is.
     */
    public String country(String code) {
        if (code == null || !code.matches("[A-Za-z]{2}")) {
            return code == null ? "" : code;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            return code;
        }
        return new Locale("", upper)
                .getDisplayCountry(DashboardLocales.isRightToLeft(language) ? language : Locale.ENGLISH);
    }

    /** The store's time zone by its name in the reader's language ({@code Asia/Riyadh}: التوقيت العربي / Arabian Time). */
    public String zone() {
        return store.timeZone()
                .getDisplayName(
                        java.time.format.TextStyle.FULL,
                        DashboardLocales.isRightToLeft(language)
                                ? DashboardLocales.formatting(language)
                                : Locale.ENGLISH);
    }

    public String month(YearMonth yearMonth) {
        return yearMonth == null ? "" : month.format(yearMonth);
    }

    /** A message's text and back-quoted code, for {@code coded :: text(message)} ({@link CodeSpans}). */
    public java.util.List<CodeSpans.Span> spans(String message) {
        return CodeSpans.of(message);
    }
}
