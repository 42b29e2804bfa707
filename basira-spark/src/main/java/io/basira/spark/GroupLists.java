package io.basira.spark;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The saved groups' manual lists of a store, as {@code basira export store} writes them: {@code group_lists.csv}
 * (or {@code group_lists.parquet}) with the columns {@code group,customer_id,list}, {@code list} being
 * {@code added} or {@code excluded}. A group's membership is then (rule members ∪ added) − excluded, in the
 * engine's order (docs/groups.md): a group whose key has no rule is a manual-only group.
 */
public final class GroupLists {

    public static final String FILE = "group_lists.csv";
    public static final String ADDED = "added";
    public static final String EXCLUDED = "excluded";
    static final List<String> COLUMNS = List.of("group", "customer_id", "list");

    private GroupLists() {}

    /** Every store's list rows ({@code group, customer_id, list, store, seq}); empty when no store has the file. */
    public static Dataset<Row> read(SparkSession spark, List<StoreSource> stores) {
        return StoreTables.read(spark, stores, FILE, COLUMNS);
    }
}
