package io.basira.server.ingest.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one bulk request (README, "Limits"), so that a bulk body is never held whole and its
 * records fit in memory for the all-or-nothing transaction.
 *
 * @param maxBody bytes of the whole body ({@code basira.api.bulk.max-body}, 32MB)
 * @param maxRecords non-blank lines ({@code basira.api.bulk.max-records}, 10,000)
 * @param maxLine bytes of one line: the limit of a single JSON record ({@code basira.api.max-body}, 1MB)
 */
@Component
public record BulkLimits(
        @Value("${basira.api.bulk.max-body:32MB}") DataSize maxBody,
        @Value("${basira.api.bulk.max-records:10000}") int maxRecords,
        @Value("${basira.api.max-body:1MB}") DataSize maxLine) {

    public BulkLimits {
        if (maxRecords < 1 || maxBody.toBytes() < 1 || maxLine.toBytes() < 1 || maxLine.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bulk limits must be positive (and a line under 2GB): " + maxBody + ", "
                    + maxRecords + " records, " + maxLine + " per line");
        }
    }
}
