package io.basira.server.products.api;

import io.basira.analytics.products.BoughtTogether;
import io.basira.server.products.ProductAnalytics;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/analytics/affinity}, {@code GET /api/v1/analytics/basket?min_count=&min_support=&min_confidence=&limit=},
 * {@code GET /api/v1/analytics/basket/products/{productId}?top=} and
 * {@code GET /api/v1/customers/{customerId}/next-products?limit=} (docs/products.md). The caller's store only.
 */
@RestController
public class ProductsController {

    private final ProductAnalytics analytics;

    public ProductsController(ProductAnalytics analytics) {
        this.analytics = analytics;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ProductAnswers.Analysis.class)))
    @GetMapping("/api/v1/analytics/affinity")
    public Map<String, Object> affinity(Store store) {
        return answer("affinity", analytics.affinity(store).json());
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ProductAnswers.Analysis.class)))
    @GetMapping("/api/v1/analytics/basket")
    public Map<String, Object> basket(
            Store store,
            @RequestParam(name = "min_count", defaultValue = "2") int minCount,
            @RequestParam(name = "min_support", defaultValue = "0") double minSupport,
            @RequestParam(name = "min_confidence", defaultValue = "0") double minConfidence,
            @RequestParam(defaultValue = "50") int limit) {
        return answer(
                "basket",
                analytics
                        .basket(store, new BoughtTogether.Thresholds(minCount, minSupport, minConfidence), limit)
                        .json());
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ProductAnswers.Analysis.class)))
    @GetMapping("/api/v1/analytics/basket/products/{productId}")
    public Map<String, Object> alsoBought(
            Store store,
            @PathVariable String productId,
            @RequestParam(name = "min_count", defaultValue = "1") int minCount,
            @RequestParam(name = "min_confidence", defaultValue = "0") double minConfidence,
            @RequestParam(defaultValue = "10") int top) {
        return answer(
                "also-bought",
                analytics
                        .alsoBought(store, productId, new BoughtTogether.Thresholds(minCount, 0, minConfidence), top)
                        .json());
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = ProductAnswers.Analysis.class)))
    @GetMapping("/api/v1/customers/{customerId}/next-products")
    public Map<String, Object> next(
            Store store, @PathVariable String customerId, @RequestParam(defaultValue = "10") int limit) {
        return answer("next-products", analytics.next(store, customerId, limit).json());
    }

    private static Map<String, Object> answer(String name, Map<String, Object> body) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("analysis", name);
        json.putAll(body);
        return json;
    }
}
