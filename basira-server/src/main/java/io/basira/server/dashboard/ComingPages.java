package io.basira.server.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Pages whose data comes with other issues: analytics (issue 5). It shows a translated "coming
 * with …" page in the layout until its controller replaces the mapping here.
 */
@Controller
final class ComingPages {

    @GetMapping("/analytics")
    String analytics(SignedIn signedIn, Model model) {
        return coming(model, "analytics");
    }

    private static String coming(Model model, String page) {
        model.addAttribute("page", page);
        return "coming";
    }
}
