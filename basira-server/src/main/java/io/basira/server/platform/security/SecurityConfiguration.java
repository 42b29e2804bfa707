package io.basira.server.platform.security;

import io.basira.server.platform.errors.ApiProblems;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Three doors (docs/security.md). The REST API ({@code /api/**}) is stateless and authenticated by a
 * store's API key ({@link ApiKeyAuthentication}): no session, no CSRF token (no cookie is ever trusted
 * there). The actuator opens health to anyone and metrics to the operator's metrics token. Everything
 * else is the merchant's dashboard: form sign-in (throttled by {@link SignInThrottle}) of a
 * {@code dashboard_users} row, a session cookie that expires after {@code server.servlet.session.timeout}
 * idle (30 minutes by default), CSRF tokens on every state-changing request, and the role rule: each request
 * needs one {@link Permission} — {@code READ} for {@code GET}/{@code HEAD}, {@code IMPORT} for any other request
 * under {@code /import}, {@code CHANGE} for every other request — and {@code dashboard.Role} says which roles
 * hold which (support agents read, marketers also change, owners also import; docs/dashboard.md). No controller
 * checks a role: a new state-changing page is refused to support agents without a line of its own
 * ({@code SupportChangesNothingOnH2Test} sends every such route).
 *
 * <p>Only in a web application: the CLI's commands start a context without a web server, where
 * there is no {@code HttpSecurity} to build chains with.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /**
     * No observation (trace span and timer) per security filter, authentication and authorization: with the actuator
     * on the classpath Spring Security would record them for every request, and they cost more CPU than a checkout
     * decision itself (a JFR profile under {@code CheckoutLoad}: a fifth of a request's time). Each request is still
     * observed once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The REST API. Spring Security matches {@code /api/**} on the decoded path, as Spring MVC routes,
     * so every spelling of an API route meets the key check; only the OpenAPI description and its
     * browsable page (Swagger UI) are open.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JdbcApiKeys keys) throws Exception {
        return stateless(http.securityMatcher("/api/**"))
                .addFilterBefore(new ApiKeyAuthentication(keys), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/api/openapi.json",
                                "/api/openapi.json/**",
                                "/api/docs",
                                "/api/docs/**",
                                "/api/swagger-ui/**",
                                "/api/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(ApiKeyAuthentication.AUTHORITY))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ApiProblems.apiKeyRequired())
                        .accessDeniedHandler((request, response, e) ->
                                ApiProblems.apiKeyRequired().commence(request, response, null)))
                .build();
    }

    /**
     * The actuator: health and info are open (load balancers, uptime checks); the Prometheus metrics
     * of the whole installation need the operator's metrics token ({@link MetricsToken}), never a
     * store's API key; anything else is refused.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, @Value("${basira.metrics.token:}") String metricsToken)
            throws Exception {
        String detail = metricsToken.isBlank()
                ? "metrics are closed: set BASIRA_METRICS_TOKEN and send it as 'Authorization: Bearer <token>'"
                : "metrics need the metrics token: send it as 'Authorization: Bearer <token>'";
        AuthenticationEntryPoint tokenRequired = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            ApiProblems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
        };
        return stateless(http.securityMatcher("/actuator/**"))
                .addFilterBefore(new MetricsToken(metricsToken), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasAuthority(MetricsToken.AUTHORITY)
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(tokenRequired)
                        .accessDeniedHandler((request, response, e) -> tokenRequired.commence(request, response, null)))
                .build();
    }

    /** No session, no CSRF token (no cookie is ever trusted), no browser sign-in. */
    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, DashboardUserDetails users, SignInThrottle throttle)
            throws Exception {
        return http.userDetailsService(users)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/logout")
                        .authenticated()
                        .requestMatchers("/customers/*/privacy-export", "/customers/*/erase", "/audit", "/audit/**")
                        .hasAuthority(Permission.PRIVACY.authority())
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasAuthority(Permission.READ.authority())
                        .requestMatchers(HttpMethod.HEAD, "/**")
                        .hasAuthority(Permission.READ.authority())
                        .requestMatchers("/import/**")
                        .hasAuthority(Permission.IMPORT.authority())
                        .anyRequest()
                        .hasAuthority(Permission.CHANGE.authority()))
                .addFilterBefore(throttle.gate(), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler(throttle.onSuccess())
                        .failureHandler(throttle.onFailure()))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signed-out")
                        .deleteCookies("JSESSIONID"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInFirst()))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    /**
     * Unsigned requests go to the sign-in page; an htmx request (a poll after the session expired)
     * gets 401 and {@code HX-Redirect}, so htmx loads the sign-in page instead of swapping it into a fragment.
     */
    private static AuthenticationEntryPoint signInFirst() {
        LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");
        return (request, response, e) -> {
            if ("true".equals(request.getHeader("HX-Request"))) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
            } else {
                page.commence(request, response, e);
            }
        };
    }
}
