package io.basira.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The saved groups' membership from the cards' lines: one row per store, group and member; counts. */
public final class GroupsOutput {

    private GroupsOutput() {}

    /** {@code store, group, customer_id}. */
    public static Dataset<Row> members(Dataset<CardLine> lines) {
        return lines.select(
                col("store"),
                explode(col("groups")).as("group"),
                col("customerId").as("customer_id"));
    }

    /** {@code store, group, members} for every group with at least one member. */
    public static Dataset<Row> counts(Dataset<Row> members) {
        return members.groupBy("store", "group").count().orderBy("store", "group");
    }
}
