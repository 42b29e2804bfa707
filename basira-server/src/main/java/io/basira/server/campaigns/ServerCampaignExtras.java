package io.basira.server.campaigns;

import static io.basira.server.campaigns.jdbc.JdbcCampaigns.instant;
import static io.basira.server.campaigns.jdbc.JdbcCampaigns.utc;

import io.basira.campaigns.Campaign;
import io.basira.campaigns.CampaignExtras;
import io.basira.campaigns.Enrolment;
import io.basira.campaigns.ItemLink;
import io.basira.server.checkout.CampaignCouponsInCheckout;
import io.basira.shared.Money;
import io.basira.shared.StoreId;
import io.basira.shared.UnitPrice;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a campaign message carries, made once per enrolment and kept on its row: the single-use discount code
 * (checkout's coupons, {@link CampaignCouponsInCheckout}) and the survey's unguessable token, whose link is
 * {@code basira.public-url}{@code /survey/TOKEN}; the abandoned cart's lines ({@code cart_lines}) as the message's items.
 */
public final class ServerCampaignExtras implements CampaignExtras {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CampaignCouponsInCheckout coupons;
    private final Clock clock;
    private final String publicUrl;

    public ServerCampaignExtras(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            CampaignCouponsInCheckout coupons,
            Clock clock,
            String publicUrl) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.coupons = coupons;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @Override
    public Coupon coupon(StoreId store, Campaign campaign, Enrolment enrolment, Instant expiresAt) {
        return transaction.execute(status -> {
            Coupon existing = existing(enrolment.id());
            if (existing != null) {
                return existing;
            }
            String code = coupons.issue(store, campaign.discount().percent(), clock.instant(), expiresAt);
            jdbc.update(
                    "UPDATE campaign_enrolments SET coupon_code = ?, coupon_expires_at = ? WHERE id = ?",
                    code,
                    utc(expiresAt),
                    enrolment.id());
            return new Coupon(code, expiresAt);
        });
    }

    private Coupon existing(long enrolmentId) {
        return jdbc
                .query(
                        "SELECT coupon_code, coupon_expires_at FROM campaign_enrolments WHERE id = ? AND "
                                + "coupon_code IS NOT NULL",
                        (rs, n) -> new Coupon(rs.getString(1), instant(rs, "coupon_expires_at")),
                        enrolmentId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    @Override
    public String surveyUrl(StoreId store, Campaign campaign, Enrolment enrolment) {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update(
                "UPDATE campaign_enrolments SET survey_token = ? WHERE id = ? AND survey_token IS NULL",
                fresh,
                enrolment.id());
        String token = jdbc.queryForObject(
                "SELECT survey_token FROM campaign_enrolments WHERE id = ?", String.class, enrolment.id());
        return publicUrl + "/survey/" + token;
    }

    /**
     * The cart's stored lines in order: the name the cart gave, else the product's stored name, else its id; the
     * line's price (quantity × unit price, when the cart gave one) in the store's currency; the line's link.
     */
    @Override
    public List<ItemLink> cartItems(StoreId store, String cartId) {
        Currency currency = Currency.getInstance(
                jdbc.queryForObject("SELECT currency FROM stores WHERE id = ?", String.class, store.value())
                        .strip());
        return jdbc.query(
                "SELECT l.product_external_id, COALESCE(l.name, p.name, l.product_external_id) AS name, "
                        + "l.quantity, l.unit_price, l.url FROM cart_lines l LEFT JOIN products p ON p.store_id = l.store_id "
                        + "AND p.external_id = l.product_external_id WHERE l.store_id = ? AND l.cart_external_id = ? "
                        + "ORDER BY l.line_no",
                (rs, n) -> {
                    BigDecimal unit = rs.getBigDecimal("unit_price");
                    int quantity = rs.getInt("quantity");
                    Money price = unit == null ? null : new UnitPrice(unit, currency).times(quantity);
                    return new ItemLink(
                            rs.getString("product_external_id"),
                            rs.getString("name"),
                            rs.getString("url"),
                            quantity,
                            price);
                },
                store.value(),
                cartId);
    }
}
