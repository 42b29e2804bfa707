package io.basira.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

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
        Dataset<Row> all = null;
        for (StoreSource store : stores) {
            Optional<String> path = store.file(FILE, spark.sparkContext().hadoopConfiguration());
            if (path.isEmpty()) {
                continue;
            }
            Dataset<Row> raw = store.parquet()
                    ? spark.read().parquet(path.get())
                    : spark.read()
                            .option("header", "true")
                            .option("multiLine", "true")
                            .option("escape", "\"")
                            .option("encoding", "UTF-8")
                            .option("mode", "FAILFAST")
                            .option("inferSchema", "false")
                            .csv(path.get());
            List<Column> columns = new ArrayList<>();
            for (String name : COLUMNS) {
                String found = null;
                for (String field : raw.columns()) {
                    if (field.replace("\uFEFF", "")
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .equals(name)) {
                        found = field;
                        break;
                    }
                }
                columns.add(
                        found == null
                                ? lit(null).cast(DataTypes.StringType).as(name)
                                : col("`" + found.replace("`", "``") + "`")
                                        .cast(DataTypes.StringType)
                                        .as(name));
            }
            Dataset<Row> rows = raw.select(columns.toArray(Column[]::new))
                    .withColumn("store", lit(store.slug()))
                    .withColumn("seq", monotonically_increasing_id());
            all = all == null ? rows : all.unionByName(rows);
        }
        if (all == null) {
            List<StructField> fields = new ArrayList<>();
            COLUMNS.forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, true)));
            fields.add(DataTypes.createStructField("store", DataTypes.StringType, false));
            fields.add(DataTypes.createStructField("seq", DataTypes.LongType, false));
            return spark.createDataFrame(new ArrayList<Row>(), new StructType(fields.toArray(StructField[]::new)));
        }
        return all;
    }
}
