package io.basira.server.dashboard;

import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;

/**
 * The messages of one request's language, for text that a page builds outside its template (chart
 * series and category names). A missing key is an error, as in the templates.
 */
public record PageText(MessageSource messages, Locale locale) {

    public String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    /** The message of {@code key}, or empty when the bundles do not have it (labels of values that may be new). */
    public Optional<String> find(String key) {
        return Optional.ofNullable(messages.getMessage(key, null, null, locale));
    }

    public boolean rightToLeft() {
        return DashboardLocales.isRightToLeft(locale);
    }
}
