package io.basira.server.dashboard;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form; Spring Security handles its POST (e-mail, password, CSRF token). While the demo store is
 * being prepared ({@link DemoLoading}) the form says so and the page reloads itself until it is ready.
 */
@DashboardPage
final class SignInPage {

    private final DemoLoading demo;

    SignInPage(DemoLoading demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("demoLoading", demo.inProgress());
        return "login";
    }
}
