package io.basira.fields;

import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import io.basira.segment.FieldColumn;
import io.basira.segment.FieldSet;
import io.basira.segment.SegmentField;
import io.basira.segment.SegmentField.SortColumn;
import io.basira.segment.ValueType;
import io.basira.segment.eval.Birthdays;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The customer's attributes as the store sends them ({@link Customer}), and the two computed from the birth
 * date on today: {@code age} (reads {@code birth_date}'s column) and {@code birthday}, the next one, which
 * keeps its own column of the birth month and day ({@code month * 100 + day}, 29 February as 229) so that
 * nothing in the index depends on today.
 */
public final class CustomerFields implements FieldSet {

    /** The column of {@link #BIRTHDAY}: the birth date's month and day as {@code month * 100 + day}. */
    public static final String BIRTH_MONTH_DAY = "birth_month_day";

    public static final SegmentField GENDER = SegmentField.builder("gender", ValueType.ENUM)
            .nullable()
            .allowedValues(Arrays.stream(Gender.values()).map(Gender::code).toList())
            .value((c, x) ->
                    c.customer().gender() == null ? null : c.customer().gender().code())
            .column(FieldColumn.dictionary(
                    "gender",
                    (column, row, c, u) -> column.set(
                            row,
                            c.customer().gender() == null
                                    ? null
                                    : c.customer().gender().code())))
            .sortable(SortColumn.customers("gender"))
            .build();

    public static final SegmentField BIRTH_DATE = SegmentField.builder("birth_date", ValueType.DATE)
            .nullable()
            .value((c, x) -> c.customer().birthDate())
            .column(FieldColumn.integer(
                    "birth_date",
                    0,
                    (column, row, c, u) -> column.setDate(row, c.customer().birthDate())))
            .sortable(SortColumn.customers("birth_date"))
            .build();

    /** Whole years on today; older means an earlier birth date, so it sorts by the birth date the other way. */
    public static final SegmentField AGE = SegmentField.builder("age", ValueType.INTEGER)
            .nullable()
            .unit("years")
            .value((c, x) -> {
                LocalDate birth = c.customer().birthDate();
                return birth == null ? null : BigDecimal.valueOf(Birthdays.age(birth, x.today()));
            })
            .column(FieldColumn.age("birth_date"))
            .dependsOnToday()
            .sortable(new SortColumn("customers", "birth_date", true))
            .build();

    public static final SegmentField BIRTHDAY = SegmentField.builder("birthday", ValueType.DATE)
            .nullable()
            .value((c, x) -> {
                LocalDate birth = c.customer().birthDate();
                return birth == null ? null : Birthdays.nextBirthday(birth, x.today());
            })
            .column(FieldColumn.nextBirthday(BIRTH_MONTH_DAY, (column, row, c, u) -> {
                LocalDate birth = c.customer().birthDate();
                if (birth == null) {
                    column.clear(row);
                } else {
                    column.set(row, FieldColumn.monthDayCode(birth.getMonthValue(), birth.getDayOfMonth()));
                }
            }))
            .dependsOnToday()
            .build();

    public static final SegmentField CITY = text("city", Customer::city);

    public static final SegmentField REGION = text("region", Customer::region);

    public static final SegmentField COUNTRY = text("country", Customer::country);

    public static final SegmentField CREATED_AT = SegmentField.builder("created_at", ValueType.DATE_TIME)
            .value((c, x) -> CardFields.date(c.customer().createdAt(), x))
            .column(FieldColumn.integer(
                    "created_at",
                    0,
                    (column, row, c, u) ->
                            column.set(row, u.epochDay(c.customer().createdAt()))))
            .sortable(SortColumn.customers("created_at"))
            .build();

    private static final List<SegmentField> FIELDS =
            List.of(GENDER, BIRTH_DATE, AGE, BIRTHDAY, CITY, REGION, COUNTRY, CREATED_AT);

    @Override
    public List<SegmentField> fields() {
        return FIELDS;
    }

    private static SegmentField text(String name, Function<Customer, String> attribute) {
        return SegmentField.builder(name, ValueType.TEXT)
                .nullable()
                .value((c, x) -> attribute.apply(c.customer()))
                .column(FieldColumn.dictionary(
                        name, (column, row, c, u) -> column.set(row, attribute.apply(c.customer()))))
                .sortable(SortColumn.customers(name))
                .build();
    }
}
