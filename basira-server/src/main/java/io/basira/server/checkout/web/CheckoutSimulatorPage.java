package io.basira.server.checkout.web;

import io.basira.checkout.CheckoutDecision;
import io.basira.checkout.CheckoutRequest;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.api.DecisionRequest;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.DashboardWords;
import io.basira.server.dashboard.FormValueException;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.shared.Numerals;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The checkout simulator: a customer (searched by name, e-mail, phone or id) or an anonymous visitor,
 * a cart and an optional coupon give the decision the storefront would get from
 * {@code POST /api/v1/checkout/decisions}, with every reason named. It only reads, so it is a GET form
 * that support agents may use too, and its URL can be shared.
 */
@DashboardPage
final class CheckoutSimulatorPage {

    static final int CART_ROWS = 3;

    private final CheckoutSetup setup;
    private final JdbcCustomerQueries customers;
    private final FormChecks checks;
    private final DashboardWords words;

    CheckoutSimulatorPage(CheckoutSetup setup, JdbcCustomerQueries customers, FormChecks checks, DashboardWords words) {
        this.words = words;
        this.setup = setup;
        this.customers = customers;
        this.checks = checks;
    }

    /** One line of the cart form, as typed. */
    public record CartLine(String productId, String quantity, String unitPrice) {}

    @GetMapping("/policies/simulator")
    String simulate(SignedIn signedIn, HttpServletRequest request, Model model, Locale locale) {
        Store store = signedIn.store();
        Map<String, String[]> form = request.getParameterMap();
        List<CartLine> lines = lines(form);
        model.addAttribute("lines", lines);
        model.addAttribute("customerId", value(form, "customer_id"));
        model.addAttribute("anonymous", form.containsKey("anonymous"));
        model.addAttribute("coupon", value(form, "coupon_code"));
        model.addAttribute("shippingFee", value(form, "shipping_fee"));
        if (form.containsKey("run")) {
            try {
                CheckoutRequest checkout = setup.request(store, checks.require(body(form, lines)));
                CheckoutDecision decision = setup.decide(store, checkout);
                model.addAttribute(
                        "decision",
                        DecisionView.of(
                                checkout,
                                decision,
                                words.names(store, setup.catalogue(store), locale),
                                new DashboardFormats(locale, store)));
            } catch (IllegalArgumentException | InvalidRecords e) {
                model.addAttribute("error", checks.message(e));
            }
        }
        return "simulator";
    }

    /** The customer search of the simulator: {@code <option>}s for the customer field's list (htmx). */
    @GetMapping("/policies/simulator/customers")
    String search(SignedIn signedIn, @RequestParam(defaultValue = "") String customer_id, Model model) {
        var page = customers.page(signedIn.store().id(), customer_id.strip(), CustomerSort.TOTAL_SPENT, true, 0, 10);
        model.addAttribute(
                "found",
                page.items().stream()
                        .map(s -> Map.of("id", s.customer().externalId(), "name", name(s.customer())))
                        .toList());
        return "simulator :: options";
    }

    /** The decision request of the form: the API's {@link DecisionRequest}. */
    private static DecisionRequest body(Map<String, String[]> form, List<CartLine> lines) {
        String customer = form.containsKey("anonymous") ? "" : value(form, "customer_id");
        List<DecisionRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CartLine line = lines.get(i);
            if (line.productId().isEmpty()
                    && line.quantity().isEmpty()
                    && line.unitPrice().isEmpty()) {
                continue;
            }
            String where = "items[" + items.size() + "]";
            items.add(new DecisionRequest.Item(
                    line.productId(),
                    number(where + ".quantity", line.quantity()),
                    number(where + ".unit_price", line.unitPrice())));
        }
        String coupon = value(form, "coupon_code");
        String fee = value(form, "shipping_fee");
        return new DecisionRequest(
                customer.isEmpty() ? null : customer,
                items,
                coupon.isEmpty() ? null : coupon,
                number("shipping_fee", fee),
                null);
    }

    /** A number typed in the form; blank is absent. */
    private static BigDecimal number(String where, String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        String ascii = Numerals.toAscii(typed);
        if (ascii == null) {
            throw FormValueException.notDecimal(where, typed);
        }
        return new BigDecimal(ascii);
    }

    /** The cart lines typed, padded with empty lines to at least {@value #CART_ROWS}. */
    private static List<CartLine> lines(Map<String, String[]> form) {
        String[] products = form.getOrDefault("product_id", new String[0]);
        String[] quantities = form.getOrDefault("quantity", new String[0]);
        String[] prices = form.getOrDefault("unit_price", new String[0]);
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            lines.add(new CartLine(products[i].strip(), at(quantities, i), at(prices, i)));
        }
        while (lines.size() < CART_ROWS) {
            lines.add(new CartLine("", lines.isEmpty() ? "1" : "", ""));
        }
        return lines;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i].strip() : "";
    }

    private static String value(Map<String, String[]> form, String name) {
        String one = CheckoutForms.one(form, name);
        return one == null ? "" : one;
    }

    private static String name(io.basira.commerce.Customer c) {
        String first = c.firstName() == null ? "" : c.firstName();
        String last = c.lastName() == null ? "" : c.lastName();
        return (first + " " + last).strip();
    }
}
