package io.basira.server.importing;

import io.basira.server.csvimport.ImportReport;
import java.time.Duration;

/**
 * What an import did: whether anything was applied, the per-file report with every bad row, and
 * how long it took. Nothing is applied when the report has errors and bad rows were not to be skipped.
 */
public record ImportOutcome(
        boolean applied, boolean storeCreated, ImportReport report, long cardsRefreshed, Duration took) {}
