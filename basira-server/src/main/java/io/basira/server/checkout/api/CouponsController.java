package io.basira.server.checkout.api;

import io.basira.checkout.Coupon;
import io.basira.server.checkout.CheckoutChanges;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.jdbc.JdbcCheckoutAudit;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A store's coupons: terms, and the uses counted (and refused over the limit) so far. Every change is audited. */
@RestController
@RequestMapping("/api/v1/checkout/coupons")
public class CouponsController {

    private final JdbcCoupons coupons;
    private final CheckoutChanges changes;
    private final JdbcCheckoutAudit audit;
    private final CheckoutSetup setup;

    public CouponsController(
            JdbcCoupons coupons, CheckoutChanges changes, JdbcCheckoutAudit audit, CheckoutSetup setup) {
        this.coupons = coupons;
        this.changes = changes;
        this.audit = audit;
        this.setup = setup;
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content =
                    @Content(
                            array =
                                    @ArraySchema(
                                            schema = @Schema(implementation = CheckoutAnswers.CouponAnswer.class))))
    @GetMapping
    public List<Map<String, Object>> list(Store store) {
        return coupons.list(store.id()).stream().map(CouponsController::json).toList();
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.CouponAnswer.class)))
    @GetMapping("/{code}")
    public Map<String, Object> get(Store store, @PathVariable String code) {
        return coupons.get(store.id(), code)
                .map(CouponsController::json)
                .orElseThrow(() -> new NotFound("this store has no coupon '" + Coupon.normalize(code) + "'"));
    }

    @ApiResponse(
            responseCode = "201",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.CouponAnswer.class)))
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(Store store, @Valid @RequestBody CouponRequest body, HttpServletRequest request) {
        return setup.createCoupon(store, actor(request), body);
    }

    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = CheckoutAnswers.CouponAnswer.class)))
    @PutMapping("/{code}")
    public Map<String, Object> update(
            Store store,
            @PathVariable String code,
            @Valid @RequestBody CouponRequest body,
            HttpServletRequest request) {
        String given = body.code();
        if (given != null && !Coupon.normalize(given).equals(Coupon.normalize(code))) {
            throw new InvalidRecords(List.of("code: a coupon's code cannot change ('" + code + "' in the path, '"
                    + given + "' in the body); create a new coupon instead"));
        }
        return setup.updateCoupon(store, actor(request), code, body);
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Store store, @PathVariable String code, HttpServletRequest request) {
        changes.deleteCoupon(store, actor(request), code);
    }

    private static Map<String, Object> json(JdbcCoupons.Listed listed) {
        Map<String, Object> json = CheckoutJson.json(listed.coupon());
        json.put("used", listed.used());
        json.put("orders_over_limit", listed.overLimit());
        return json;
    }

    private JdbcCheckoutAudit.Actor actor(HttpServletRequest request) {
        return audit.actor(ApiKeyAuthentication.presentedKey(request).orElse(null));
    }
}
