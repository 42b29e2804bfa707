package io.basira.server.platform.web;

import io.basira.server.platform.tenancy.TenantIsolationContract;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records which route each API call reached and with which store's key, as {@code "slug METHOD pattern"} (the
 * pattern Spring MVC matched, {@code /api/v1/groups/{key}}), before the controller runs: a call the controller
 * refuses with 404 has still reached its route. Lets {@link TenantIsolationContract} check that a case calls what it
 * claims to cover.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RoutesCalled implements WebMvcConfigurer {

    private final Set<String> calls = ConcurrentHashMap.newKeySet();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Authentication caller = SecurityContextHolder.getContext().getAuthentication();
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                if (caller != null && caller.getPrincipal() instanceof Store store && pattern != null) {
                    calls.add(store.slug() + " " + request.getMethod() + " " + pattern);
                }
                return true;
            }
        });
    }

    /** Forgets what was called so far. */
    public void clear() {
        calls.clear();
    }

    /** Whether the store {@code slug} called {@code endpoint} ({@code "METHOD pattern"}) since the last {@link #clear}. */
    public boolean called(String slug, String endpoint) {
        return calls.contains(slug + " " + endpoint);
    }
}
