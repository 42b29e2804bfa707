package io.basira.server.campaigns;

import static io.basira.server.campaigns.JdbcCampaigns.instant;
import static io.basira.server.campaigns.JdbcCampaigns.utc;

import io.basira.campaigns.Campaign;
import io.basira.campaigns.CampaignExtras;
import io.basira.campaigns.Enrolment;
import io.basira.campaigns.ItemLink;
import io.basira.server.checkout.CampaignCouponsInCheckout;
import io.basira.shared.StoreId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a campaign message carries, made once per enrolment and kept on its row: the single-use discount code
 * (checkout's coupons, {@link CampaignCouponsInCheckout}) and the survey's unguessable token, whose link is
 * {@code basira.public-url}{@code /survey/TOKEN}. Carts are stored without their lines, so a message has no items
 * yet.
 */
public final class ServerCampaignExtras implements CampaignExtras {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final CampaignCouponsInCheckout coupons;
    private final Clock clock;
    private final String publicUrl;

    public ServerCampaignExtras(JdbcTemplate jdbc, TransactionTemplate transaction, CampaignCouponsInCheckout coupons,
            Clock clock, String publicUrl) {
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
            jdbc.update("UPDATE campaign_enrolments SET coupon_code = ?, coupon_expires_at = ? WHERE id = ?", code,
                    utc(expiresAt), enrolment.id());
            return new Coupon(code, expiresAt);
        });
    }

    private Coupon existing(long enrolmentId) {
        return jdbc.query("SELECT coupon_code, coupon_expires_at FROM campaign_enrolments WHERE id = ? AND "
                + "coupon_code IS NOT NULL", (rs, n) -> new Coupon(rs.getString(1), instant(rs, "coupon_expires_at")),
                enrolmentId).stream().findFirst().orElse(null);
    }

    @Override
    public String surveyUrl(StoreId store, Campaign campaign, Enrolment enrolment) {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("UPDATE campaign_enrolments SET survey_token = ? WHERE id = ? AND survey_token IS NULL", fresh,
                enrolment.id());
        String token = jdbc.queryForObject("SELECT survey_token FROM campaign_enrolments WHERE id = ?", String.class,
                enrolment.id());
        return publicUrl + "/survey/" + token;
    }

    @Override
    public List<ItemLink> cartItems(StoreId store, String cartId) {
        return List.of();
    }
}
