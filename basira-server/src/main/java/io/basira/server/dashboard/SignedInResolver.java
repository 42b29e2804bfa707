package io.basira.server.dashboard;

import io.basira.server.platform.security.DashboardPrincipal;
import io.basira.server.platform.security.DashboardUser;
import io.basira.server.platform.tenancy.JdbcStores;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link SignedIn} controller parameter from the security context; the store is read fresh per request. */
final class SignedInResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = SignedIn.class.getName();

    private final JdbcStores stores;

    SignedInResolver(JdbcStores stores) {
        this.stores = stores;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignedIn.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return find(stores, request.getNativeRequest(HttpServletRequest.class))
                .orElseThrow(() -> new AccessDeniedException("not signed in to the dashboard"));
    }

    /** The signed-in user and store, looked up once per request (kept as a request attribute). */
    static Optional<SignedIn> find(JdbcStores stores, HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof SignedIn signedIn) {
            return Optional.of(signedIn);
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof DashboardPrincipal principal)) {
            return Optional.empty();
        }
        DashboardUser user = principal.user();
        Optional<SignedIn> found = stores.findById(user.store()).map(store -> new SignedIn(store, user));
        found.ifPresent(signedIn -> request.setAttribute(ATTRIBUTE, signedIn));
        return found;
    }
}
