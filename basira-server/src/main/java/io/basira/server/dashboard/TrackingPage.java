package io.basira.server.dashboard;

import io.basira.server.browsing.BrowsingSite;
import io.basira.server.browsing.JdbcBrowsingSites;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tracking snippet's page (docs/browsing.md): the store's public site key, the one line to paste (with
 * where it goes in Salla, Zid and Shopify themes, and the calls for product views, searches and sign-in), and
 * the site's settings: allowed origins, consent mode, Do-Not-Track, retention.
 */
@Controller
final class TrackingPage {

    private final JdbcBrowsingSites sites;
    private final String publicUrl;

    TrackingPage(JdbcBrowsingSites sites, @Value("${basira.public-url:}") String publicUrl) {
        this.sites = sites;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/tracking")
    String page(SignedIn signedIn, Model model) {
        BrowsingSite site = sites.of(signedIn.store().id());
        String base = publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
        model.addAttribute("site", site);
        model.addAttribute("origins", String.join("\n", site.allowedOrigins()));
        model.addAttribute("line", "<script async src=\"" + base + "/t.js?k=" + site.siteKey() + "\"></script>");
        return "tracking";
    }

    @PostMapping("/tracking")
    String save(SignedIn signedIn, @RequestParam(defaultValue = "") String origins,
            @RequestParam(defaultValue = "false") boolean consent, @RequestParam(defaultValue = "false") boolean dnt,
            @RequestParam(defaultValue = "13") int retention, RedirectAttributes redirect) {
        try {
            sites.update(signedIn.store().id(), BrowsingSite.origins(origins), consent, dnt, retention);
            redirect.addFlashAttribute("notice", "saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/tracking";
    }
}
