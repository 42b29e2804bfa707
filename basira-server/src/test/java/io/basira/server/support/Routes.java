package io.basira.server.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's routes as Spring MVC maps them, read from its {@link RequestMappingHandlerMapping}: tests that
 * must hold for every route (keys, roles, tenancy) derive their requests from here, so a route added anywhere is
 * covered without touching them. Autowire the mapping with {@code @Qualifier("requestMappingHandlerMapping")}.
 */
public final class Routes {

    /** The methods a mapping that names none answers (every one a test should send). */
    public static final Set<RequestMethod> EVERY_METHOD = EnumSet.of(
            RequestMethod.GET,
            RequestMethod.HEAD,
            RequestMethod.POST,
            RequestMethod.PUT,
            RequestMethod.PATCH,
            RequestMethod.DELETE);

    /** The methods that change something. */
    public static final Set<RequestMethod> CHANGING =
            EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    /** One method of one route pattern, {@code POST /api/v1/groups/{key}/additions/{customerId}}. */
    public record Route(String method, String pattern) implements Comparable<Route> {

        /** A path that reaches the route: every path variable replaced by {@code value}. */
        public String path(String value) {
            return pattern.replaceAll("\\{[^}]+}", value);
        }

        /** Whether the method changes something. */
        public boolean changes() {
            return CHANGING.contains(RequestMethod.valueOf(method));
        }

        @Override
        public int compareTo(Route other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private Routes() {}

    /**
     * Every method of every pattern that {@code pattern} accepts, in order; a mapping that names no method counts as
     * {@link #EVERY_METHOD}.
     */
    public static Set<Route> of(RequestMappingHandlerMapping mappings, Predicate<String> pattern) {
        Set<Route> routes = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            Set<RequestMethod> methods = declared.isEmpty() ? EVERY_METHOD : declared;
            info.getPatternValues().stream()
                    .filter(pattern)
                    .forEach(p -> methods.forEach(method -> routes.add(new Route(method.name(), p))));
        });
        return routes;
    }
}
