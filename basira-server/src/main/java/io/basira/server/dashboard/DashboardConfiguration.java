package io.basira.server.dashboard;

import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.security.DashboardUserDetails;
import io.basira.server.platform.security.JdbcDashboardUsers;
import io.basira.server.platform.tenancy.JdbcStores;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Wiring of the dashboard: its users and password hashing, its two languages, the signed-in store
 * as a controller parameter, and the background import jobs.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration implements WebMvcConfigurer {

    /** Query parameter of the one-click language switch ({@code ?lang=en}, {@code ?lang=ar}). */
    public static final String LANGUAGE_PARAMETER = "lang";

    private final JdbcStores stores;

    public DashboardConfiguration(JdbcStores stores) {
        this.stores = stores;
    }

    /**
     * BCrypt with cost 12 (2^12 rounds, about a quarter of a second per check here), behind a
     * delegating encoder so stored hashes carry their algorithm ({@code {bcrypt}...}) and a later
     * change of algorithm keeps old hashes readable. BCrypt rather than PBKDF2: at comparable cost it
     * is harder to attack on GPUs, and Spring's PBKDF2 default (310,000 SHA-256 iterations) is below
     * what OWASP now asks for. Argon2 would need BouncyCastle.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(12)));
    }

    @Bean
    JdbcDashboardUsers jdbcDashboardUsers(JdbcTemplate jdbc, Clock clock) {
        return new JdbcDashboardUsers(jdbc, clock);
    }

    @Bean
    AddDashboardUser addDashboardUser(JdbcDashboardUsers users, PasswordEncoder encoder) {
        return new AddDashboardUser(users, encoder);
    }

    @Bean
    DashboardUserDetails dashboardUserDetails(JdbcDashboardUsers users) {
        return new DashboardUserDetails(users);
    }

    /** messages_ar.properties and messages_en.properties, read as UTF-8; a missing key is an error, not a fallback. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new PluralMessages();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(DashboardLocales.ARABIC);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new DashboardLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(LANGUAGE_PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInResolver(stores));
    }
}
