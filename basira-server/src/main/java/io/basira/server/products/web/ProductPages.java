package io.basira.server.products.web;

import io.basira.analytics.products.BoughtTogether;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.products.ProductAnalytics;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer–product pages (docs/products.md, "Dashboard"): the category affinity heat map
 * ({@code /products/affinity?index=revenue|buyers}) and the pairs bought together
 * ({@code /products/basket?min_count=&min_confidence=&limit=}, the confidence in percent), and per product what
 * the customers who bought it also bought ({@code /products/basket/{productId}?min_count=&min_confidence=&limit=},
 * linked from every product of the pairs). All read the signed-in store through the service the API answers with; a
 * threshold the form cannot read is said and the defaults are shown instead.
 */
@DashboardPage
final class ProductPages {

    /** Pairs listed per table. */
    static final int DEFAULT_LIMIT = 50;

    /** Companions listed on a product's page, as the API's {@code top}. */
    static final int DEFAULT_COMPANIONS = 10;

    private final ProductAnalytics analytics;

    ProductPages(ProductAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping("/products/affinity")
    String affinity(
            SignedIn signedIn, @RequestParam(defaultValue = "revenue") String index, Model model, Locale locale) {
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        model.addAttribute("page", "affinity");
        model.addAttribute(
                "view", ProductViews.affinity(analytics.affinity(signedIn.store()), index.equals("buyers"), fmt));
        return "products";
    }

    @GetMapping("/products/basket")
    String basket(
            SignedIn signedIn,
            @RequestParam(name = "min_count", required = false) String minCount,
            @RequestParam(name = "min_confidence", required = false) String minConfidence,
            @RequestParam(required = false) String limit,
            Model model,
            Locale locale) {
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        Integer count = whole(minCount, 1, 1_000_000, 2);
        BigDecimal confidence = decimal(minConfidence, 0, 100, BigDecimal.ZERO);
        Integer shown = whole(limit, 1, ProductAnalytics.MAX_LIMIT, DEFAULT_LIMIT);
        if (count == null || confidence == null || shown == null) {
            model.addAttribute(
                    "thresholdError", count == null ? "min_count" : confidence == null ? "min_confidence" : "limit");
            count = count == null ? 2 : count;
            confidence = confidence == null ? BigDecimal.ZERO : confidence;
            shown = shown == null ? DEFAULT_LIMIT : shown;
        }
        model.addAttribute("page", "basket");
        model.addAttribute("minCount", count);
        model.addAttribute("minConfidence", confidence.stripTrailingZeros().toPlainString());
        model.addAttribute("limit", shown);
        BoughtTogether.Thresholds thresholds = new BoughtTogether.Thresholds(
                count, 0, confidence.movePointLeft(2).doubleValue());
        model.addAttribute("view", ProductViews.basket(analytics.basket(signedIn.store(), thresholds, shown), fmt));
        return "products";
    }

    /**
     * "Customers who bought this also bought": the product's companions with orders, support, confidence and lift in
     * figures and in words. Defaults as the API: at least one order holding both, no minimum confidence, ten
     * companions. 404 with a notice when no counted order holds the product.
     */
    @GetMapping("/products/basket/{productId}")
    String alsoBought(
            SignedIn signedIn,
            @PathVariable String productId,
            @RequestParam(name = "min_count", required = false) String minCount,
            @RequestParam(name = "min_confidence", required = false) String minConfidence,
            @RequestParam(required = false) String limit,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        Integer count = whole(minCount, 1, 1_000_000, 1);
        BigDecimal confidence = decimal(minConfidence, 0, 100, BigDecimal.ZERO);
        Integer shown = whole(limit, 1, ProductAnalytics.MAX_LIMIT, DEFAULT_COMPANIONS);
        if (count == null || confidence == null || shown == null) {
            model.addAttribute(
                    "thresholdError",
                    count == null ? "min_count" : confidence == null ? "min_confidence" : "companions");
            count = count == null ? 1 : count;
            confidence = confidence == null ? BigDecimal.ZERO : confidence;
            shown = shown == null ? DEFAULT_COMPANIONS : shown;
        }
        model.addAttribute("page", "also-bought");
        model.addAttribute("productId", productId);
        model.addAttribute("minCount", count);
        model.addAttribute("minConfidence", confidence.stripTrailingZeros().toPlainString());
        model.addAttribute("limit", shown);
        BoughtTogether.Thresholds thresholds = new BoughtTogether.Thresholds(
                count, 0, confidence.movePointLeft(2).doubleValue());
        try {
            model.addAttribute(
                    "view",
                    ProductViews.alsoBought(analytics.alsoBought(signedIn.store(), productId, thresholds, shown), fmt));
        } catch (NotFound unknown) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("missing", true);
        }
        return "products";
    }

    /** A whole number within bounds, the default when empty, null when it is not one. */
    static Integer whole(String text, int min, int max, int empty) {
        if (text == null || text.isBlank()) {
            return empty;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value < min || value > max ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal within bounds, the default when empty, null when it is not one. */
    static BigDecimal decimal(String text, int min, int max, BigDecimal empty) {
        if (text == null || text.isBlank()) {
            return empty;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip());
            return value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0
                    ? null
                    : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
