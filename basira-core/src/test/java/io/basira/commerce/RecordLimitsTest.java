package io.basira.commerce;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The records refuse what their columns cannot hold, whoever builds them (the last word after the parsers). */
class RecordLimitsTest {

    private static final Instant JAN = Instant.parse("2024-01-05T00:00:00Z");
    private static final Money TEN = Money.ofMinor(1000, Currency.getInstance("SAR"));

    private static Customer customer(String firstName, LocalDate birthDate, Instant createdAt, Set<String> tags) {
        return new Customer("C1", firstName, null, null, null, null, birthDate, null, null, null, createdAt, tags);
    }

    @Test
    void a_customer_at_every_limit_is_accepted() {
        assertThatCode(() -> new Customer(
                        "C".repeat(128),
                        "n".repeat(200),
                        "l".repeat(200),
                        "e".repeat(320),
                        "9".repeat(64),
                        Gender.FEMALE,
                        LocalDate.of(1900, 1, 1),
                        "c".repeat(100),
                        "r".repeat(100),
                        "SA",
                        JAN,
                        Set.of("t".repeat(2000))))
                .doesNotThrowAnyException();
    }

    @Test
    void over_long_text_is_refused_naming_the_column() {
        assertThatThrownBy(() -> customer("n".repeat(201), null, JAN, Set.of()))
                .hasMessage("first_name is longer than 200 characters (it has 201)");
        assertThatThrownBy(() -> new Customer(
                        "C1", null, null, "e".repeat(321), null, null, null, null, null, null, JAN, Set.of()))
                .hasMessage("email is longer than 320 characters (it has 321)");
        assertThatThrownBy(() -> customer(null, null, JAN, Set.of("a".repeat(1000), "b".repeat(1000))))
                .hasMessage("tags is longer than 2000 characters (it has 2001)");
        assertThatThrownBy(() -> new Product("P1", "p".repeat(501), null, null))
                .hasMessage("name is longer than 500 characters (it has 501)");
        assertThatThrownBy(
                        () -> new Order("O1", "C1", JAN, OrderStatus.COMPLETED, TEN, null, "X".repeat(65), null, null))
                .hasMessage("coupon_code is longer than 64 characters (it has 65)");
    }

    @Test
    void nul_and_unpaired_surrogates_are_refused_in_ids_and_text() {
        assertThatThrownBy(() -> customer("Sa\u0000ra", null, JAN, Set.of()))
                .hasMessage("first_name contains the control character U+0000 at character 3");
        assertThatThrownBy(() -> new Review("R1", "PGS\uD800X", null, 5, JAN))
                .hasMessage("customer_id contains an unpaired surrogate U+D800 at character 4 (not valid Unicode)");
        assertThatThrownBy(() -> new Cart("K1", "C\u0000", JAN, null, null, null, CartStatus.OPEN))
                .hasMessage("customer_id contains the control character U+0000 at character 2");
    }

    @Test
    void dates_outside_1900_to_2199_are_refused() {
        assertThatThrownBy(() -> customer(null, LocalDate.of(-9999, 1, 1), JAN, Set.of()))
                .hasMessage("birth_date '-9999-01-01' is outside the accepted dates 1900-01-01 to 2199-12-31");
        assertThatThrownBy(() -> new Order(
                        "O1",
                        "C1",
                        Instant.parse("+999999999-12-31T23:59:59Z"),
                        OrderStatus.COMPLETED,
                        TEN,
                        null,
                        null,
                        null,
                        null))
                .hasMessageStartingWith("created_at '+999999999-12-31T23:59:59Z' is outside");
        assertThatThrownBy(() -> new WishlistItem("C1", "P1", Instant.parse("-4714-01-01T00:00:00Z")))
                .hasMessageStartingWith("added_at '-4714-01-01T00:00:00Z' is outside");
    }
}
