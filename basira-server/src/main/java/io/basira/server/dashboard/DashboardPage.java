package io.basira.server.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of the dashboard's pages, wherever its feature keeps it ({@code <feature>.web} or the shell): the
 * shell's layout model ({@link DashboardModel}: language, direction, store, user, formats, what the role allows)
 * is added to its pages. A public page outside the dashboard (the survey, the unsubscribe page) is a plain
 * {@link Controller}. ServerShapeTest checks that every controller in a {@code web} package carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface DashboardPage {}
