package io.basira.segment;

import io.basira.analytics.AnalyticsFields;
import io.basira.analytics.CustomerType;
import io.basira.analytics.Regularity;
import io.basira.analytics.RfmGroup;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.card.Indicator;
import io.basira.commerce.Gender;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields a segment rule can test: the card's indicators of docs/indicators.md under their published
 * names, the customer's attributes, and group membership.
 *
 * <p>{@link #nullable()} says whether a customer can lack a value (no completed purchase, no rating,
 * unknown gender); only such fields can match {@code IS NULL}. {@code tags} and {@code group} are sets
 * and are never null. The dashboard's visual builder lists {@link #values()} with their
 * {@link #operators()}.
 */
public enum SegmentField {
    ORDER_COUNT(ValueType.INTEGER, false, "عدد الطلبات", "Order count"),
    TOTAL_SPENT(ValueType.MONEY, false, "إجمالي الإنفاق", "Total spent"),
    AVERAGE_ORDER_VALUE(ValueType.MONEY, false, "متوسط قيمة الطلب", "Average order value"),
    CANCELLED_ORDERS(ValueType.INTEGER, false, "الطلبات الملغاة", "Cancelled orders"),
    RETURNED_ORDERS(ValueType.INTEGER, false, "الطلبات المرتجعة", "Returned orders"),
    LAST_PURCHASE_AT(ValueType.DATE_TIME, true, "تاريخ آخر شراء", "Last purchase"),
    FIRST_ORDER_AT(ValueType.DATE_TIME, true, "تاريخ أول طلب", "First order"),
    ABANDONED_CARTS(ValueType.INTEGER, false, "السلال المتروكة", "Abandoned carts"),
    STORE_RATING(ValueType.INTEGER, true, "تقييم المتجر", "Store rating"),
    DAYS_SINCE_LAST_PURCHASE(ValueType.INTEGER, true, "الأيام منذ آخر شراء", "Days since last purchase"),
    DISCOUNT_SHARE(ValueType.DECIMAL, true, "نسبة الطلبات المخفّضة", "Discount share"),
    WISHLIST_COUNT(ValueType.INTEGER, false, "عدد عناصر المفضلة", "Wishlist items"),
    REVIEWS_COUNT(ValueType.INTEGER, false, "عدد التقييمات", "Reviews"),
    GENDER(ValueType.ENUM, true, "الجنس", "Gender"),
    BIRTH_DATE(ValueType.DATE, true, "تاريخ الميلاد", "Birth date"),
    AGE(ValueType.INTEGER, true, "العمر", "Age"),
    BIRTHDAY(ValueType.DATE, true, "عيد الميلاد القادم", "Next birthday"),
    CITY(ValueType.TEXT, true, "المدينة", "City"),
    REGION(ValueType.TEXT, true, "المنطقة", "Region"),
    COUNTRY(ValueType.TEXT, true, "الدولة", "Country"),
    CREATED_AT(ValueType.DATE_TIME, false, "تاريخ التسجيل", "Signed up"),
    REVENUE_PERCENTILE(ValueType.DECIMAL, true, "شريحة الإيراد المئوية", "Revenue percentile"),
    RFM_RECENCY(ValueType.INTEGER, true, "درجة الحداثة", "RFM recency"),
    RFM_FREQUENCY(ValueType.INTEGER, true, "درجة التكرار", "RFM frequency"),
    RFM_MONETARY(ValueType.INTEGER, true, "درجة القيمة", "RFM monetary"),
    RFM_GROUP(ValueType.ENUM, true, "مجموعة RFM", "RFM group"),
    CUSTOMER_TYPE(ValueType.ENUM, true, "نوع العميل", "Customer type"),
    REGULARITY(ValueType.ENUM, true, "انتظام الشراء", "Buying regularity"),
    P_ALIVE(ValueType.DECIMAL, true, "احتمال بقاء العميل نشطًا", "Probability still active"),
    EXPECTED_PURCHASES_90D(ValueType.DECIMAL, true, "المشتريات المتوقعة خلال 90 يومًا", "Expected purchases in 90 days"),
    PREDICTED_VALUE_12M(ValueType.MONEY, true, "القيمة المتوقعة خلال 12 شهرًا", "Predicted value in 12 months"),
    CHURN_RISK(ValueType.ENUM, true, "خطر فقدان العميل", "Churn risk"),
    NEXT_ORDER_EXPECTED_AT(ValueType.DATE, true, "موعد الطلب التالي المتوقع", "Next order expected"),
    TAGS(ValueType.TAG_SET, false, "الوسوم", "Tags"),
    GROUP(ValueType.GROUP, false, "المجموعة", "Group");

    private final ValueType type;
    private final boolean nullable;
    private final String labelAr;
    private final String labelEn;

    SegmentField(ValueType type, boolean nullable, String labelAr, String labelEn) {
        this.type = type;
        this.nullable = nullable;
        this.labelAr = labelAr;
        this.labelEn = labelEn;
    }

    /** The name in rules, JSON and the customer export ({@code total_spent}). */
    public String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ValueType type() {
        return type;
    }

    public boolean nullable() {
        return nullable;
    }

    public String labelAr() {
        return labelAr;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The allowed values of an {@link ValueType#ENUM} field, empty for any other type. */
    public List<String> allowedValues() {
        return switch (this) {
            case GENDER -> Arrays.stream(Gender.values()).map(Gender::code).toList();
            case RFM_GROUP -> Arrays.stream(RfmGroup.values()).map(RfmGroup::code).toList();
            case CUSTOMER_TYPE -> Arrays.stream(CustomerType.values()).map(CustomerType::code).toList();
            case REGULARITY -> Arrays.stream(Regularity.values()).map(Regularity::code).toList();
            case CHURN_RISK -> Arrays.stream(ChurnRisk.values()).map(AnalyticsFields::code).toList();
            default -> List.of();
        };
    }

    /** Whether the field is an analytics card field, set by the store's analytics refresh. */
    public boolean analytics() {
        return ordinal() >= REVENUE_PERCENTILE.ordinal() && ordinal() <= NEXT_ORDER_EXPECTED_AT.ordinal();
    }

    /** The operators the rule language accepts on this field. */
    public List<Operator> operators() {
        return Operator.applicableTo(type);
    }

    /** The card indicator behind this field, empty for attributes and group membership. */
    public Optional<Indicator> indicator() {
        return Indicator.byFieldName(fieldName());
    }

    /** The field named {@code name}, ignoring case ({@code Total_Spent} is {@code total_spent}). */
    public static Optional<SegmentField> byFieldName(String name) {
        String normal = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.fieldName().equals(normal)).findFirst();
    }
}
