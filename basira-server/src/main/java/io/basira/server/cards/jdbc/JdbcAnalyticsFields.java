package io.basira.server.cards.jdbc;

import io.basira.analytics.AnalyticsFields;
import io.basira.analytics.CustomerType;
import io.basira.analytics.Regularity;
import io.basira.analytics.RfmGroup;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.server.platform.jdbc.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Maps the columns of {@code customer_analytics} (migration V2, {@code next_category} V200; written by
 * {@code io.basira.server.cards.jdbc.JdbcCustomerAnalytics}) to the core's {@link AnalyticsFields}. A row
 * always has {@code rfm_group}, so a null there means the left join found no row: the store was not
 * refreshed since the customer arrived, and the customer has no analytics.
 */
final class JdbcAnalyticsFields {

    private JdbcAnalyticsFields() {}

    /** The fields of the current row, or null when it has no analytics. */
    static AnalyticsFields map(ResultSet rs) throws SQLException {
        String group = rs.getString("rfm_group");
        if (group == null) {
            return null;
        }
        return new AnalyticsFields(
                rs.getBigDecimal("revenue_percentile"),
                Sql.nullableInt(rs, "rfm_recency"),
                Sql.nullableInt(rs, "rfm_frequency"),
                Sql.nullableInt(rs, "rfm_monetary"),
                RfmGroup.valueOf(constant(group)),
                code(rs, "customer_type", CustomerType.class),
                code(rs, "regularity", Regularity.class),
                AnalyticsFields.decimal(nullableDouble(rs, "p_alive")),
                AnalyticsFields.decimal(nullableDouble(rs, "expected_purchases_90d")),
                rs.getBigDecimal("predicted_value_12m"),
                code(rs, "churn_risk", ChurnRisk.class),
                Sql.date(rs, "next_order_expected_at"),
                rs.getString("next_category"));
    }

    private static <E extends Enum<E>> E code(ResultSet rs, String column, Class<E> type) throws SQLException {
        String code = rs.getString(column);
        return code == null ? null : Enum.valueOf(type, constant(code));
    }

    private static String constant(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
