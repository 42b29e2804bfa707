package io.basira.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session of the module's tests, started by the first test class that needs it and shared by
 * the others of the JVM (a session takes seconds to start); Spark's shutdown hook stops it when the JVM ends.
 * {@code local[2]} (the CI machine's cores), 2 shuffle partitions (little data), no UI, UTC, and no adaptive query
 * execution: on little data its re-planning after every shuffle stage (each stage its own job) costs more than it
 * saves (about a tenth of the module's CPU, docs/spark.md). The answers do not depend on the plan; the launcher and
 * {@code spark-submit} keep Spark's default (adaptive).
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("basira-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
        }
        return session;
    }
}
