package io.basira.campaigns;

import java.time.Duration;
import java.util.List;

/** Campaigns for the tests. */
final class CampaignFixtures {

    static final MessageTemplate TEMPLATE = new MessageTemplate(
            new TemplateText("سلتك تنتظرك", "عد إلى سلتك"),
            new TemplateText("Your cart is waiting", "Come back to your cart"));

    private CampaignFixtures() {}

    static Campaign abandonedCart(long id, int controlPercent) {
        return new Campaign(
                id,
                "carts",
                CampaignKind.ABANDONED_CART,
                CampaignStatus.ACTIVE,
                Channel.EMAIL,
                Purpose.MARKETING,
                TEMPLATE,
                controlPercent,
                7,
                null,
                Duration.ofHours(12),
                90,
                List.of(),
                null,
                null,
                null,
                null);
    }

    static Campaign withDiscountAndSurvey(Campaign c) {
        return new Campaign(
                c.id(),
                c.name(),
                c.kind(),
                c.status(),
                c.channel(),
                c.purpose(),
                c.template(),
                c.controlPercent(),
                c.attributionDays(),
                c.firstDelay(),
                c.secondDelay(),
                c.inactiveDays(),
                c.groups(),
                c.scheduledAt(),
                new Discount(10, 3),
                "Why did you not buy?",
                c.activatedAt());
    }
}
