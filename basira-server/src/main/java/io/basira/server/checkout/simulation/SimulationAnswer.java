package io.basira.server.checkout.simulation;

import io.basira.checkout.simulation.SimulateOffer;
import io.basira.checkout.simulation.Simulation;
import io.basira.shared.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The simulation as the API answers it and the dashboard's panel shows it: amounts as strings in the major unit,
 * warnings and assumptions said in the reader's language (Arabic or English).
 */
@Schema(name = "Simulation", description = "Who an offer reaches now and what it would have cost over the last 90 days")
public record SimulationAnswer(
        ReachAnswer reach,
        CostAnswer cost,

        @Schema(description = "what to see before saving, loudest first")
        List<WarningAnswer> warnings,

        @Schema(description = "what the estimate assumes, in the reader's language")
        List<String> assumptions) {

    @Schema(name = "SimulationReach", description = "Who it reaches now")
    public record ReachAnswer(
            @Schema(description = "the store's customers") int customers,
            @Schema(description = "those it reaches now") int members,

            @Schema(description = "members as a percentage of the customers, one decimal", example = "42.5")
            String share,

            @Schema(description = "customers with no counted order")
            int customersWithoutOrders,

            @Schema(description = "those of them it reaches")
            int membersWithoutOrders,

            @Schema(
                    description =
                            "whether every anonymous visitor (and a customer the store does not know yet) gets it")
            boolean anonymousVisitorsQualify,

            @Schema(description = "group keys it names that the store does not have")
            List<String> unknownGroups) {}

    @Schema(name = "SimulationCost", description = "What it would have cost over the 90 days before today")
    public record CostAnswer(
            @Schema(example = "SAR") String currency,

            @Schema(description = "first day of the window, store time zone", format = "date")
            String from,

            @Schema(description = "the day after the window (today), exclusive", format = "date")
            String until,

            int windowDays,

            @Schema(description = "the store's counted orders in the window")
            int ordersInWindow,

            @Schema(description = "orders it would have applied to")
            int qualifyingOrders,

            @Schema(description = "orders of reached customers below the minimum")
            int belowMinimum,

            @Schema(description = "left out by the per-customer limit")
            int overCustomerLimit,

            @Schema(description = "left out by the usage limit")
            int overUsageLimit,

            @Schema(description = "the baskets of the qualifying orders", example = "12500.00")
            String qualifyingTotal,

            @Schema(description = "what the discount would have cost; null when unknown", example = "3750.00")
            String discount,

            @Schema(
                    description = "why the cost is unknown",
                    allowableValues = {"shipping_not_recorded", "order_lines_not_read", "no_discount"})
            String costUnknownBecause,

            @Schema(description = "the validity's length in days, when it has both ends")
            Long validityDays,

            @Schema(description = "the discount scaled to the validity's length")
            String projectedDiscount,

            @Schema(description = "membership is taken as of now", example = "now")
            String membershipAsOf) {}

    @Schema(name = "SimulationWarning", description = "A warning: its code and what it says")
    public record WarningAnswer(
            @Schema(example = "anonymous_visitors_qualify") String code, String message) {}

    public static SimulationAnswer of(Simulation simulation, MessageSource messages, Locale locale) {
        Simulation.Reach reach = simulation.reach();
        Simulation.Cost cost = simulation.cost();
        List<WarningAnswer> warnings = new ArrayList<>();
        for (Simulation.Warning warning : simulation.warnings()) {
            Object[] args = switch (warning) {
                // counts as text: MessageFormat would write Arabic-Indic digits, the dashboard writes Latin ones
                case CUSTOMERS_WITHOUT_ORDERS_QUALIFY ->
                    new Object[] {
                        String.format(Locale.ROOT, "%,d", reach.membersWithoutOrders()),
                        String.format(Locale.ROOT, "%,d", reach.customersWithoutOrders())
                    };
                case UNKNOWN_GROUPS ->
                    new Object[] {
                        String.join(
                                ", ", reach.unknownGroups().stream().sorted().toList())
                    };
                case COST_UNKNOWN ->
                    new Object[] {messages.getMessage("simulation.unknown." + cost.costUnknownBecause(), null, locale)};
                default -> new Object[0];
            };
            warnings.add(new WarningAnswer(
                    warning.code(), messages.getMessage("simulation.warning." + warning.code(), args, locale)));
        }
        List<String> assumptions = List.of(
                messages.getMessage(
                        "simulation.assumption.window",
                        new Object[] {
                            cost.from().toString(), cost.until().minusDays(1).toString()
                        },
                        locale),
                messages.getMessage("simulation.assumption.now", null, locale),
                messages.getMessage("simulation.assumption.basket", null, locale),
                messages.getMessage("simulation.assumption.alone", null, locale),
                messages.getMessage("simulation.assumption.limits", null, locale));
        String currency = cost.qualifyingTotal().currency().getCurrencyCode();
        return new SimulationAnswer(
                new ReachAnswer(
                        reach.customers(),
                        reach.members(),
                        reach.share().toPlainString(),
                        reach.customersWithoutOrders(),
                        reach.membersWithoutOrders(),
                        reach.anonymousVisitorsQualify(),
                        reach.unknownGroups().stream().sorted().toList()),
                new CostAnswer(
                        currency,
                        cost.from().toString(),
                        cost.until().toString(),
                        SimulateOffer.WINDOW_DAYS,
                        cost.ordersInWindow(),
                        cost.qualifyingOrders(),
                        cost.belowMinimum(),
                        cost.overCustomerLimit(),
                        cost.overUsageLimit(),
                        text(cost.qualifyingTotal()),
                        text(cost.discount()),
                        cost.costUnknownBecause(),
                        cost.validityDays(),
                        text(cost.projectedDiscount()),
                        "now"),
                List.copyOf(warnings),
                assumptions);
    }

    private static String text(Money money) {
        return money == null ? null : money.toPlainString();
    }

    /** Whether a warning with this code is among them (the dashboard's panel). */
    public boolean warns(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }
}
