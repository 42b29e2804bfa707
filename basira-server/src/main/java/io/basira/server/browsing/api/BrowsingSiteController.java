package io.basira.server.browsing.api;

import io.basira.server.browsing.BrowsingSite;
import io.basira.server.browsing.SiteChanges;
import io.basira.server.browsing.Snippet;
import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import io.basira.server.platform.errors.UnprocessableWhenInvalid;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The caller's tracking site (docs/browsing.md): {@code GET /api/v1/browsing/site} (made with a fresh site key
 * on first use) and {@code PUT} to replace its settings. The site key is public: it goes into the storefront.
 */
@RestController
@RequestMapping("/api/v1/browsing")
public class BrowsingSiteController {

    /** A site as the API shows it, with the line to paste into the storefront's theme. */
    public record SiteAnswer(
            String siteKey,
            List<String> allowedOrigins,
            boolean consentRequired,
            boolean honourDnt,
            int retentionMonths,
            String snippet) {}

    /** New settings of the site: every field is required. */
    @UnprocessableWhenInvalid
    public record SiteRequest(
            @NotNull @Size(max = BrowsingSite.MAX_ORIGINS) List<@NotNull String> allowedOrigins,
            @NotNull Boolean consentRequired,
            @NotNull Boolean honourDnt,
            @NotNull @Min(1) @Max(120) Integer retentionMonths) {}

    private final JdbcBrowsingSites sites;
    private final SiteChanges changes;
    private final String baseUrl;

    public BrowsingSiteController(JdbcBrowsingSites sites, SiteChanges changes, String baseUrl) {
        this.sites = sites;
        this.changes = changes;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/site")
    public SiteAnswer site(Store store) {
        return answer(sites.of(store.id()));
    }

    @PutMapping("/site")
    public SiteAnswer update(Store store, @Valid @RequestBody SiteRequest request, HttpServletRequest http) {
        List<String> origins = BrowsingSite.origins(String.join(" ", request.allowedOrigins()));
        return answer(changes.update(
                store.id(),
                changes.apiKey(ApiKeyAuthentication.presentedKey(http).orElse(null)),
                origins,
                request.consentRequired(),
                request.honourDnt(),
                request.retentionMonths()));
    }

    private SiteAnswer answer(BrowsingSite site) {
        return new SiteAnswer(
                site.siteKey(),
                site.allowedOrigins(),
                site.consentRequired(),
                site.honourDnt(),
                site.retentionMonths(),
                Snippet.line(base(baseUrl), site.siteKey()));
    }

    /** {@code basira.public-url}, else the address this request came to. */
    static String base(String configured) {
        if (!configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
