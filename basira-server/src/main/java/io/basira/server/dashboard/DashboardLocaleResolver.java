package io.basira.server.dashboard;

import io.basira.server.platform.web.ApiLocales;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The reader's language from the {@code basira-lang} cookie, Arabic when there is none: the browser's
 * Accept-Language is deliberately ignored, the product is Arabic-first. Only Arabic and English
 * ever come out, whatever the cookie says. An API request ({@code /api/...}) is not the dashboard's: its
 * language comes from its Accept-Language, English by default ({@link ApiLocales}).
 */
final class DashboardLocaleResolver implements LocaleResolver {

    static final String COOKIE = "basira-lang";

    private final CookieLocaleResolver cookie = new CookieLocaleResolver(COOKIE);

    DashboardLocaleResolver() {
        cookie.setDefaultLocale(DashboardLocales.ARABIC);
        cookie.setCookieMaxAge(Duration.ofDays(365));
        cookie.setCookieSameSite("Lax");
        cookie.setCookieHttpOnly(true);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (ApiLocales.isApi(request)) {
            return ApiLocales.of(request);
        }
        return DashboardLocales.supported(cookie.resolveLocale(request));
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        cookie.setLocale(request, response, DashboardLocales.supported(locale));
    }
}
