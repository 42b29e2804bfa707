package io.basira.server.analytics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The analyses by their published names ({@code basira analyze NAME}, {@code /api/v1/analytics/{name}}). */
public enum AnalysisName {
    OVERVIEW,
    PARETO,
    COHORTS,
    RFM,
    TYPES,
    DISCOUNTS,
    REGIONS,
    CLV;

    /** @throws IllegalArgumentException naming the known analyses */
    public static AnalysisName of(String name) {
        for (AnalysisName n : values()) {
            if (n.code().equals(name == null ? "" : name.strip().toLowerCase(Locale.ROOT))) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown analysis '" + name + "', expected one of "
                + Arrays.stream(values()).map(AnalysisName::code).collect(Collectors.joining(", ")));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
