package io.basira.server.platform.errors;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request record: a body whose values break its constraints is refused with 422 and the problem shape
 * of refused records ({@code problems}, {@code problem_count}, "nothing was applied"), as the API refused
 * these bodies before they were typed (the checkout's). Without it a refusal is a 400 (groups, keys).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface UnprocessableWhenInvalid {}
