package io.basira.analytics.products;

/** Small hand-checked baskets for the products tests. */
final class ProductFixtures {

    private ProductFixtures() {}

    /**
     * Five orders of three customers: O1 {A,B,C}, O2 {A,B}, O3 {A,C}, O4 {B,D}, O5 {A}. A and B are "food",
     * C is "toys", D has no category. Revenues: x: O1 A 100, B 50, C 50; y: O2 A 100, B 100; z: O4 B 100, D 100,
     * O3 A 0 C 0 (free), O5 A 0.
     */
    static Baskets fiveOrders() {
        Baskets.Builder b = Baskets.builder();
        int x = b.customer("x");
        int y = b.customer("y");
        int z = b.customer("z");
        int a = b.product("A", "food");
        int bb = b.product("B", "food");
        int c = b.product("C", "toys");
        int d = b.product("D", null);
        b.order(x, 100).line(a, 60).line(bb, 50).line(c, 50).line(a, 40);
        b.order(y, 101).line(bb, 100).line(a, 100);
        b.order(z, 102).line(c, 0).line(a, 0);
        b.order(z, 99).line(bb, 100).line(d, 100);
        b.order(z, 103).line(a, 0);
        return b.build();
    }
}
