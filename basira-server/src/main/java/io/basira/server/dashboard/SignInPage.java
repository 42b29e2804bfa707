package io.basira.server.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST (e-mail, password, CSRF token). */
@Controller
final class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
