package io.basira.server.checkout.web;

import io.basira.checkout.Catalogue;
import io.basira.server.checkout.api.CatalogueRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue form of the dashboard (docs/dashboard.md, "The catalogue page") read into the typed request of
 * {@code PUT /api/v1/checkout/catalogue} ({@link CatalogueRequest}), which both hand to {@code CheckoutSetup}.
 *
 * <p>The form lists every payment method and carrier as numbered rows ({@code methods[0].code},
 * {@code methods[0].name}, {@code methods[0].name_ar}, {@code methods[0].remove}; carriers also
 * {@code carriers[0].everyone}), followed by {@value #BLANK_ROWS} blank rows to add new ones. A row whose code is
 * blank, or that is ticked for removal, is left out; the rows keep their order.
 */
final class CatalogueForm {

    /** Blank rows offered for new payment methods and carriers. */
    static final int BLANK_ROWS = 2;

    /** One row of the form: the catalogue's entry as shown and edited. */
    public record Row(String code, String name, String nameAr, boolean everyone) {}

    private CatalogueForm() {}

    static CatalogueRequest request(Map<String, String[]> form) {
        List<CatalogueRequest.PaymentMethod> methods = new ArrayList<>();
        for (int i = 0; form.containsKey("methods[" + i + "].code"); i++) {
            String row = "methods[" + i + "].";
            if (kept(form, row)) {
                methods.add(new CatalogueRequest.PaymentMethod(
                        CheckoutForms.one(form, row + "code"),
                        CheckoutForms.one(form, row + "name"),
                        CheckoutForms.one(form, row + "name_ar")));
            }
        }
        List<CatalogueRequest.Carrier> carriers = new ArrayList<>();
        for (int i = 0; form.containsKey("carriers[" + i + "].code"); i++) {
            String row = "carriers[" + i + "].";
            if (kept(form, row)) {
                carriers.add(new CatalogueRequest.Carrier(
                        CheckoutForms.one(form, row + "code"),
                        CheckoutForms.one(form, row + "name"),
                        CheckoutForms.one(form, row + "name_ar"),
                        form.containsKey(row + "everyone")));
            }
        }
        return new CatalogueRequest(methods, carriers);
    }

    private static boolean kept(Map<String, String[]> form, String row) {
        return CheckoutForms.one(form, row + "code") != null && !form.containsKey(row + "remove");
    }

    /** The rows of the payment methods of a request shown again after a refusal, plus the blank rows. */
    static List<Row> methodRows(CatalogueRequest request) {
        List<Row> rows = new ArrayList<>();
        request.paymentMethods().forEach(m -> rows.add(new Row(m.code(), m.name(), m.nameAr(), true)));
        return withBlanks(rows);
    }

    static List<Row> carrierRows(CatalogueRequest request) {
        List<Row> rows = new ArrayList<>();
        request.carriers()
                .forEach(c -> rows.add(
                        new Row(c.code(), c.name(), c.nameAr(), !Boolean.FALSE.equals(c.offeredToEveryone()))));
        return withBlanks(rows);
    }

    static List<Row> methodRows(Catalogue catalogue) {
        List<Row> rows = new ArrayList<>();
        catalogue.paymentMethods().forEach(m -> rows.add(new Row(m.code(), m.name(), m.nameAr(), true)));
        return withBlanks(rows);
    }

    static List<Row> carrierRows(Catalogue catalogue) {
        List<Row> rows = new ArrayList<>();
        catalogue.carriers().forEach(c -> rows.add(new Row(c.code(), c.name(), c.nameAr(), c.offeredToEveryone())));
        return withBlanks(rows);
    }

    private static List<Row> withBlanks(List<Row> rows) {
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new Row("", "", "", true));
        }
        return rows;
    }
}
