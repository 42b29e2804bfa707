package io.basira.server.cards.api;

import io.basira.card.CardColumns;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.fields.CardFields;
import io.basira.segment.SegmentField;
import io.basira.segment.eval.EvaluationContext;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON shape of a customer card: attributes and indicators under their published names.
 * Money is a JSON number with the currency's decimals; date-times are ISO-8601 UTC; absent values are null.
 */
public final class CardJson {

    private static final List<SegmentField> INDICATORS = new CardFields().fields();

    private CardJson() {}

    public static Map<String, Object> of(CustomerSnapshot snapshot, Store store, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customer_id", snapshot.customer().externalId());
        json.put("attributes", attributes(snapshot.customer(), today));
        json.put("indicators", indicators(snapshot, store, today));
        return json;
    }

    static Map<String, Object> attributes(Customer c, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("first_name", c.firstName());
        json.put("last_name", c.lastName());
        json.put("email", c.email());
        json.put("phone", c.phone());
        json.put("gender", c.gender() == null ? null : c.gender().code());
        json.put("birth_date", c.birthDate() == null ? null : c.birthDate().toString());
        json.put(
                "age",
                c.birthDate() == null
                        ? null
                        : Period.between(c.birthDate(), today).getYears());
        json.put("city", c.city());
        json.put("region", c.region());
        json.put("country", c.country());
        json.put("created_at", CardColumns.instant(c.createdAt()));
        json.put("tags", new TreeSet<>(c.tags()));
        return json;
    }

    /**
     * The card's indicators, as the field catalogue registers them ({@link CardFields}), in its order: a
     * count as a whole number, money and shares as decimals (money with the currency's decimals), a
     * date-time as its export text (ISO-8601 UTC), null when absent.
     */
    static Map<String, Object> indicators(CustomerSnapshot snapshot, Store store, LocalDate today) {
        Map<String, Object> json = new LinkedHashMap<>();
        EvaluationContext context =
                new EvaluationContext(today, store.timeZone(), Money.fractionDigits(store.currency()));
        for (SegmentField field : INDICATORS) {
            json.put(field.fieldName(), value(field, snapshot, context));
        }
        return json;
    }

    private static Object value(SegmentField field, CustomerSnapshot snapshot, EvaluationContext context) {
        return switch (field.type()) {
            case DATE_TIME -> nullIfEmpty(field.exportText(snapshot, context));
            case INTEGER -> {
                Object value = field.value(snapshot, context);
                yield value == null ? null : ((BigDecimal) value).longValueExact();
            }
            default -> field.value(snapshot, context);
        };
    }

    /**
     * The analytics card fields (docs/analytics.md) as last refreshed; every field null (and {@code as_of}
     * null) before the store's first refresh.
     */
    public static Map<String, Object> analytics(java.util.Optional<Map<String, Object>> stored) {
        return stored.orElseGet(() -> {
            Map<String, Object> json = new LinkedHashMap<>();
            io.basira.server.cards.jdbc.JdbcCustomerAnalytics.FIELDS.forEach(field -> json.put(field, null));
            json.put("as_of", null);
            return json;
        });
    }

    private static String nullIfEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
