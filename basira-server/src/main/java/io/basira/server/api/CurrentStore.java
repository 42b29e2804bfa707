package io.basira.server.api;

import io.basira.shared.Store;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a controller parameter of type {@link Store} to the store of the request's API key. */
public class CurrentStore implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Store.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Object store = request.getAttribute(ApiKeyAuthentication.STORE_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (store == null) {
            throw new IllegalStateException("no store on the request: the API key filter did not run");
        }
        return store;
    }
}
