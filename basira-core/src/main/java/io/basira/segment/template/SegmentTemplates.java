package io.basira.segment.template;

import java.util.List;
import java.util.Optional;

/** The ready-made groups of docs/rules.md ("Ready-made templates"), from the use cases merchants ask for. */
public final class SegmentTemplates {

    private static final List<SegmentTemplate> ALL = List.of(
            new SegmentTemplate(
                    "vip",
                    "كبار العملاء",
                    "VIP",
                    "أنفقوا أكثر من 1500 أو لديهم أكثر من 10 طلبات",
                    "Spent over 1500 or placed more than 10 orders",
                    "total_spent > 1500 OR order_count > 10"),
            new SegmentTemplate(
                    "high-value",
                    "عملاء ذوو قيمة عالية",
                    "High value",
                    "أنفقوا أكثر من 1000",
                    "Spent over 1000",
                    "total_spent > 1000"),
            new SegmentTemplate(
                    "low-basket",
                    "سلة منخفضة",
                    "Low basket",
                    "أنفقوا أقل من 200 ولديهم أقل من 3 طلبات",
                    "Spent under 200 with fewer than 3 orders",
                    "total_spent < 200 AND order_count < 3"),
            new SegmentTemplate(
                    "non-serious",
                    "عملاء غير جادّين",
                    "Non-serious",
                    "ألغوا أكثر من طلبين",
                    "More than 2 cancelled orders",
                    "cancelled_orders > 2"),
            new SegmentTemplate("new", "عملاء جدد", "New", "لم يطلبوا بعد", "No orders yet", "order_count = 0"),
            new SegmentTemplate(
                    "happy",
                    "عملاء راضون",
                    "Happy",
                    "قيّموا المتجر بـ 4 أو أكثر",
                    "Rated the store 4 or more",
                    "store_rating >= 4"),
            new SegmentTemplate(
                    "inactive",
                    "عملاء غير نشطين",
                    "Inactive",
                    "لم يشتروا منذ أكثر من 90 يومًا",
                    "No purchase for more than 90 days",
                    "last_purchase_at < -90d"),
            new SegmentTemplate(
                    "cart-abandoners",
                    "تاركو السلال",
                    "Cart abandoners",
                    "تركوا سلة واحدة على الأقل دون إتمام الشراء",
                    "Left at least one cart without buying",
                    "abandoned_carts > 0"));

    private SegmentTemplates() {}

    /** Every template, in the order the dashboard shows them. */
    public static List<SegmentTemplate> all() {
        return ALL;
    }

    public static Optional<SegmentTemplate> byKey(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }
}
