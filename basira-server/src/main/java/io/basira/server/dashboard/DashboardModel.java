package io.basira.server.dashboard;

import io.basira.server.platform.security.Permission;
import io.basira.server.platform.security.Role;
import io.basira.server.platform.tenancy.JdbcStores;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every dashboard page's layout needs: the language and direction ({@code lang}, {@code dir}),
 * the link that switches language on the same page (same path and query, relative), and when signed in the store, the user and the
 * formats of {@link DashboardFormats}, and what the user's role allows ({@code canChange}, {@code canImport}: pages
 * hide what the security chain would refuse; {@link Role} is the one place that says it).
 */
@ControllerAdvice(annotations = DashboardPage.class)
final class DashboardModel {

    private final JdbcStores stores;

    DashboardModel(JdbcStores stores) {
        this.stores = stores;
    }

    @ModelAttribute
    void layout(Model model, Locale locale, HttpServletRequest request) {
        Locale language = DashboardLocales.supported(locale);
        model.addAttribute("lang", language.getLanguage());
        model.addAttribute("dir", DashboardLocales.isRightToLeft(language) ? "rtl" : "ltr");
        model.addAttribute(
                "switchLanguageUrl",
                UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam(
                                DashboardConfiguration.LANGUAGE_PARAMETER,
                                DashboardLocales.other(language).getLanguage())
                        .build()
                        .toUriString());
        Optional<SignedIn> signedIn = SignedInResolver.find(stores, request);
        signedIn.ifPresent(s -> {
            model.addAttribute("store", s.store());
            model.addAttribute("user", s.user());
            model.addAttribute("fmt", new DashboardFormats(language, s.store()));
            model.addAttribute("canChange", s.user().role().may(Permission.CHANGE));
            model.addAttribute("canImport", s.user().role().may(Permission.IMPORT));
            model.addAttribute("canPrivacy", s.user().role().may(Permission.PRIVACY));
        });
    }
}
