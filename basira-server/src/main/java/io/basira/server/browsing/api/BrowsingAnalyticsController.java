package io.basira.server.browsing.api;

import io.basira.analytics.AnalysisWindow;
import io.basira.server.analytics.api.AnalysisRequest;
import io.basira.server.browsing.BrowsingAnalytics;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/browsing/analytics?as_of=&from=&to=} (docs/browsing.md, "Analytics"): the parameters as the
 * other analyses take them (as-of: today in the store's zone; to: as-of; from: 29 days before to, so 30 days).
 */
@RestController
public class BrowsingAnalyticsController {

    private final BrowsingAnalytics analytics;
    private final Clock clock;

    public BrowsingAnalyticsController(BrowsingAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @Schema(
            name = "BrowsingAnalytics",
            additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
            description =
                    "The browsing analytics of a period: as_of, then pages, products, visitors and sessions (docs/browsing.md, \"Analytics\")")
    record Answer(@Schema(format = "date") String asOf) {}

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = Answer.class)))
    @GetMapping("/api/v1/browsing/analytics")
    public Map<String, Object> analytics(
            Store store,
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AnalysisWindow window = AnalysisRequest.parse(asOf, from, to, null, clock, store.timeZone())
                .window();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("as_of", window.asOf().toString());
        answer.putAll(
                analytics.analyse(store.id(), store.timeZone(), BrowsingAnalytics.firstDay(window), window.end()));
        return answer;
    }
}
