package io.basira.server.analytics.api;

import io.basira.analytics.region.PopulationTable;
import io.basira.server.analytics.AnalysisName;
import io.basira.server.analytics.PopulationCsv;
import io.basira.server.analytics.Report;
import io.basira.server.analytics.StoreAnalytics;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/analytics/{name}?as_of=&from=&to=&time_unit=}, {@code POST /api/v1/analytics/regions}
 * with an uploaded population CSV, and {@code POST /api/v1/analytics/refresh[?as_of=]}. The caller's store only.
 */
@RestController
@RequestMapping("/api/v1/analytics")
public class AnalyticsController {

    private final StoreAnalytics analytics;
    private final Clock clock;

    public AnalyticsController(StoreAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = AnalyticsAnswers.Analysis.class)))
    @GetMapping("/{name}")
    public Map<String, Object> analysis(
            Store store,
            @PathVariable String name,
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(name = "time_unit", required = false) String timeUnit) {
        AnalysisRequest request = AnalysisRequest.parse(asOf, from, to, timeUnit, clock, store.timeZone());
        return withParameters(analytics.run(store, AnalysisName.of(name), request), request);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = AnalyticsAnswers.Analysis.class)))
    @PostMapping(
            value = "/regions",
            consumes = {"text/csv", "text/plain"})
    public Map<String, Object> regions(
            Store store,
            @RequestBody String populationCsv,
            @RequestParam(name = "as_of", required = false) String asOf,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        AnalysisRequest request = AnalysisRequest.parse(asOf, from, to, null, clock, store.timeZone());
        PopulationTable table =
                request.population().with(PopulationCsv.parse(populationCsv, "population.csv"), "upload");
        return withParameters(analytics.run(store, AnalysisName.REGIONS, request.withPopulation(table)), request);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = AnalyticsAnswers.Refreshed.class)))
    @PostMapping("/refresh")
    public Map<String, Object> refresh(Store store, @RequestParam(name = "as_of", required = false) String asOf) {
        var refreshed = analytics.refresh(store, AnalysisRequest.asOf(asOf, clock, store.timeZone()));
        return AnalyticsJson.map(
                "as_of",
                refreshed.asOf().toString(),
                "customers",
                refreshed.customers(),
                "clv_method",
                refreshed.clvMethod(),
                "definitions_version",
                AnalyticsJson.DEFINITIONS_VERSION);
    }

    private static Map<String, Object> withParameters(Report report, AnalysisRequest request) {
        Map<String, Object> json = AnalyticsJson.map(
                "analysis",
                report.name(),
                "as_of",
                request.window().asOf().toString(),
                "definitions_version",
                AnalyticsJson.DEFINITIONS_VERSION);
        json.putAll(report.json());
        return json;
    }
}
