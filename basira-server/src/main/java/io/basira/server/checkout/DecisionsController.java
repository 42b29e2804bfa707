package io.basira.server.checkout;

import io.basira.checkout.CheckoutRequest;
import io.basira.checkout.EvaluateCheckout;
import io.basira.server.api.ApiErrors.InvalidRecords;
import io.basira.shared.Store;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/checkout/decisions}: one customer (or anonymous visitor), one cart, one answer with reasons. */
@RestController
@RequestMapping("/api/v1/checkout")
public class DecisionsController {

    private final EvaluateCheckout evaluate;

    public DecisionsController(EvaluateCheckout evaluate) {
        this.evaluate = evaluate;
    }

    @PostMapping("/decisions")
    public Map<String, Object> decide(Store store, @RequestBody Map<String, Object> body) {
        CheckoutRequest request;
        try {
            request = DecisionJson.request(body, store);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecords(List.of(e.getMessage()));
        }
        return DecisionJson.json(request, evaluate.decide(store, request));
    }
}
