package io.basira.server.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pages whose data comes with other issues: groups (issue 3), checkout policies (issue 4) and
 * analytics (issue 5). Each shows a translated "coming with …" page in the layout until its
 * controller replaces the mapping here.
 */
@Controller
final class ComingPages {

    @GetMapping("/groups")
    String groups(SignedIn signedIn, Model model) {
        return coming(model, "groups");
    }

    @GetMapping("/policies")
    String policies(SignedIn signedIn, Model model) {
        return coming(model, "policies");
    }

    private static String coming(Model model, String page) {
        model.addAttribute("page", page);
        return "coming";
    }
}
