package io.basira.server.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of an API request: English or Arabic by its {@code Accept-Language}, English when it names
 * neither. It chooses the language of the reasons a request's constraints give (ValidationMessages*.properties);
 * every other message of the API is English. The dashboard keeps its own choice (Arabic first, by cookie).
 */
public final class ApiLocales {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale ARABIC = Locale.forLanguageTag("ar");

    private static final AcceptHeaderLocaleResolver HEADER = new AcceptHeaderLocaleResolver();

    static {
        HEADER.setSupportedLocales(List.of(ENGLISH, ARABIC));
        HEADER.setDefaultLocale(ENGLISH);
    }

    private ApiLocales() {}

    /** Whether the request is one of the API's ({@code /api/...}). */
    public static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    /** English or Arabic, by Accept-Language. */
    public static Locale of(HttpServletRequest request) {
        Locale locale = HEADER.resolveLocale(request);
        return ARABIC.getLanguage().equals(locale.getLanguage()) ? ARABIC : ENGLISH;
    }
}
