package io.basira.server.cards.web;

import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.fields.BuiltInFields;
import io.basira.fields.CardFields;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.SegmentField;
import io.basira.segment.eval.EvaluationContext;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A customer as the dashboard shows it: every value already formatted for the reader, each under its
 * published field name with the key of its label in the message bundles: an indicator's is the field
 * catalogue's ({@link SegmentField#labelKey()}, {@code segment.field.<name>}), an attribute's
 * {@code field.<name>}.
 */
public record CustomerView(String customerId, String name, List<Field> attributes, List<Field> indicators) {

    /** One labelled value; {@code value} is empty when the customer has none; {@code label} a bundle key. */
    public record Field(String name, String value, String label) {

        Field(String name, String value) {
            this(name, value, "field." + name);
        }
    }

    /** The card's indicators ({@link CardFields}): what the list and group pages show in their columns. */
    private static final List<SegmentField> CARD_INDICATORS = new CardFields().fields();

    public static CustomerView of(CustomerSnapshot snapshot, Store store, LocalDate today, DashboardFormats fmt) {
        return of(snapshot, store, today, fmt, CARD_INDICATORS);
    }

    /** As {@link #of(CustomerSnapshot, Store, LocalDate, DashboardFormats)}, with these fields as the indicators. */
    public static CustomerView of(
            CustomerSnapshot snapshot,
            Store store,
            LocalDate today,
            DashboardFormats fmt,
            List<SegmentField> indicators) {
        Customer c = snapshot.customer();
        EvaluationContext context =
                new EvaluationContext(today, store.timeZone(), Money.fractionDigits(store.currency()));
        List<Field> values = indicators.stream()
                .map(field -> new Field(
                        field.fieldName(), formatted(field, field.value(snapshot, context), fmt), field.labelKey()))
                .toList();
        return new CustomerView(c.externalId(), name(c), attributes(c, today, fmt), values);
    }

    /**
     * The indicators of the customer card page, in catalogue order: the card's ({@link CardFields}) and every
     * field a server feature registers; not the attributes, the analytics card fields (the predictions
     * panel), tags or groups, which the page shows apart.
     */
    public static List<SegmentField> cardPageIndicators(FieldCatalogue fields) {
        Set<SegmentField> card = Set.copyOf(CARD_INDICATORS);
        Set<SegmentField> builtIn = Set.copyOf(BuiltInFields.catalogue().all());
        return fields.all().stream()
                .filter(f -> card.contains(f) || !builtIn.contains(f))
                .toList();
    }

    /** A field's value for the reader, by its type: money, a count or number, a share as a percentage, a date. */
    static String formatted(SegmentField field, Object value, DashboardFormats fmt) {
        if (value == null) {
            return "";
        }
        return switch (field.type()) {
            case MONEY -> fmt.money((BigDecimal) value);
            case INTEGER -> fmt.number(((BigDecimal) value).longValueExact());
            case DECIMAL ->
                "share".equals(field.unit()) ? fmt.percent((BigDecimal) value) : fmt.number((BigDecimal) value);
            case DATE, DATE_TIME -> fmt.date((LocalDate) value);
            default -> value.toString();
        };
    }

    /** The indicator with this published name. @throws IllegalArgumentException when there is none */
    public String indicator(String name) {
        return indicators.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .map(Field::value)
                .orElseThrow(() -> new IllegalArgumentException("no indicator '" + name + "'"));
    }

    /** The attribute with this published name. @throws IllegalArgumentException when there is none */
    public String attribute(String name) {
        return attributes.stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .map(Field::value)
                .orElseThrow(() -> new IllegalArgumentException("no attribute '" + name + "'"));
    }

    public static String name(Customer c) {
        String first = c.firstName() == null ? "" : c.firstName();
        String last = c.lastName() == null ? "" : c.lastName();
        return (first + " " + last).strip();
    }

    private static List<Field> attributes(Customer c, LocalDate today, DashboardFormats fmt) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("email", text(c.email())));
        fields.add(new Field("phone", text(c.phone())));
        fields.add(new Field("gender", c.gender() == null ? "" : c.gender().code()));
        fields.add(new Field("birth_date", fmt.date(c.birthDate())));
        fields.add(new Field(
                "age",
                c.birthDate() == null
                        ? ""
                        : fmt.number(Period.between(c.birthDate(), today).getYears())));
        fields.add(new Field("city", text(c.city())));
        fields.add(new Field("region", text(c.region())));
        fields.add(new Field("country", text(c.country())));
        fields.add(new Field("created_at", fmt.date(c.createdAt())));
        fields.add(new Field("tags", String.join(" · ", new TreeSet<>(c.tags()))));
        return fields;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
