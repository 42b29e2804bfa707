package io.basira.server.dashboard;

import io.basira.checkout.Catalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names a page shows for the keys and codes that definitions hold (docs/dashboard.md, "Names, not codes"):
 * groups by their names, payment methods and carriers by the catalogue's name in the reader's language. A key or
 * code the store does not know (a deleted group, a carrier only the orders name) is shown as it is.
 */
public record DisplayNames(
        Map<String, String> groups, Map<String, String> methods, Map<String, String> carriers, String separator) {

    public DisplayNames {
        groups = Map.copyOf(groups);
        methods = Map.copyOf(methods);
        carriers = Map.copyOf(carriers);
    }

    /**
     * Carriers that orders often name although a store's catalogue may not list them (the platforms' own
     * codes): named by the bundles' {@code carrier.name.<code>} when the catalogue does not name them.
     */
    static final List<String> KNOWN_CARRIERS = List.of("redbox", "jt_express", "dhl", "store_pickup");

    static DisplayNames of(Map<String, String> groupNames, Catalogue catalogue, PageText text) {
        boolean arabic = text.rightToLeft();
        Map<String, String> methods = new LinkedHashMap<>();
        catalogue.paymentMethods().forEach(m -> methods.put(m.code(), m.name(arabic)));
        Map<String, String> carriers = new LinkedHashMap<>();
        KNOWN_CARRIERS.forEach(code -> carriers.put(code, text.get("carrier.name." + code)));
        catalogue.carriers().forEach(c -> carriers.put(c.code(), c.name(arabic)));
        return new DisplayNames(groupNames, methods, carriers, arabic ? "، " : ", ");
    }

    public String group(String key) {
        return key == null ? "" : groups.getOrDefault(key, key);
    }

    public String groups(List<String> keys) {
        return keys.stream().map(this::group).collect(Collectors.joining(separator));
    }

    public String method(String code) {
        return code == null ? "" : methods.getOrDefault(code, code);
    }

    public String methods(List<String> codes) {
        return codes.stream().map(this::method).collect(Collectors.joining(separator));
    }

    public String carrier(String code) {
        return code == null ? "" : carriers.getOrDefault(code, code);
    }

    public String carriers(List<String> codes) {
        return codes.stream().map(this::carrier).collect(Collectors.joining(separator));
    }
}
