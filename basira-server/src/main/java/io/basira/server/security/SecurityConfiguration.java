package io.basira.server.security;

import io.basira.server.dashboard.DashboardUserDetails;
import io.basira.server.dashboard.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Two worlds. The REST API ({@code /api/**}) is stateless and authenticated by a store's API key
 * ({@link io.basira.server.api.ApiKeyAuthentication}): no session, no CSRF token (no cookie is
 * ever trusted there). Everything else is the merchant's dashboard: form sign-in of a
 * {@code dashboard_users} row, a session cookie that expires after {@code server.servlet.session.timeout}
 * idle (30 minutes by default), CSRF tokens on every state-changing request, and roles: support agents
 * read, marketers also change, owners also import (docs/dashboard.md).
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

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, DashboardUserDetails users) throws Exception {
        String owner = Role.OWNER.name();
        String marketer = Role.MARKETER.name();
        return http.userDetailsService(users)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                        .requestMatchers("/logout").authenticated()
                        .requestMatchers("/import/**").hasRole(owner)
                        .anyRequest().hasAnyRole(owner, marketer))
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/", false).failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out")
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
