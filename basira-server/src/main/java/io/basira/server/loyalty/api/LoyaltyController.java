package io.basira.server.loyalty.api;

import io.basira.loyalty.LoyaltyRefusal;
import io.basira.loyalty.Redemption;
import io.basira.server.loyalty.LoyaltyService;
import io.basira.server.loyalty.api.LoyaltyAnswers.CustomerAnswer;
import io.basira.server.loyalty.api.LoyaltyAnswers.EntryAnswer;
import io.basira.server.loyalty.api.LoyaltyAnswers.RedemptionAnswer;
import io.basira.server.loyalty.api.LoyaltyAnswers.SummaryAnswer;
import io.basira.server.loyalty.api.LoyaltyRequests.ActionRequest;
import io.basira.server.loyalty.api.LoyaltyRequests.AdjustmentRequest;
import io.basira.server.loyalty.api.LoyaltyRequests.RedemptionRequest;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.shared.Money;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The loyalty API (docs/loyalty.md, "API"): the program, a customer's standing and ledger, manual adjustments
 * (who and why kept), custom actions, redemptions (reserve, commit, release), and the summary (tier distribution,
 * liability). Every call acts on the API key's store. A refusal (too few points, a settled redemption, the
 * program off) is a 409 problem with its {@code reason}.
 */
@RestController
@RequestMapping("/api/v1/loyalty")
public class LoyaltyController {

    private final LoyaltyService loyalty;

    private final io.basira.server.privacy.AuditLog audit;

    public LoyaltyController(LoyaltyService loyalty, io.basira.server.privacy.AuditLog audit) {
        this.audit = audit;
        this.loyalty = loyalty;
    }

    @GetMapping("/program")
    public ProgramBody program(Store store) {
        return ProgramBody.of(loyalty.program(store), store.currency());
    }

    @PutMapping("/program")
    public ProgramBody saveProgram(Store store, @Valid @RequestBody ProgramBody body, HttpServletRequest request) {
        return ProgramBody.of(
                loyalty.saveProgram(
                        store,
                        body,
                        audit.apiKey(ApiKeyAuthentication.presentedKey(request).orElse(null))),
                store.currency());
    }

    @GetMapping("/summary")
    public SummaryAnswer summary(Store store) {
        return loyalty.summary(store);
    }

    @GetMapping("/customers/{customerId}")
    public CustomerAnswer customer(Store store, @PathVariable String customerId) {
        return loyalty.customer(store, customerId);
    }

    @PostMapping("/customers/{customerId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    public EntryAnswer adjust(
            Store store,
            @PathVariable String customerId,
            @Valid @RequestBody AdjustmentRequest body,
            HttpServletRequest request) {
        String actor = body.actor() == null || body.actor().isBlank()
                ? actor(request)
                : body.actor().strip();
        return EntryAnswer.of(loyalty.adjust(store, customerId, body.points(), actor, body.reason()));
    }

    @PostMapping("/customers/{customerId}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    public EntryAnswer action(Store store, @PathVariable String customerId, @Valid @RequestBody ActionRequest body) {
        return EntryAnswer.of(loyalty.award(store, customerId, body.key().strip(), body.points(), body.reason()));
    }

    @PostMapping("/customers/{customerId}/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    public RedemptionAnswer reserve(
            Store store, @PathVariable String customerId, @Valid @RequestBody RedemptionRequest body) {
        Redemption.Reward reward =
                Redemption.Reward.fromCode(body.reward().strip().toLowerCase(Locale.ROOT));
        return answer(store, loyalty.reserve(store, customerId, reward, body.points() == null ? 0 : body.points()));
    }

    @PostMapping("/redemptions/{id}/commit")
    public RedemptionAnswer commit(Store store, @PathVariable String id) {
        return answer(store, loyalty.commit(store, id));
    }

    @PostMapping("/redemptions/{id}/release")
    public RedemptionAnswer release(Store store, @PathVariable String id) {
        return answer(store, loyalty.release(store, id));
    }

    @ExceptionHandler(LoyaltyRefusal.class)
    ProblemDetail refused(LoyaltyRefusal refusal) {
        HttpStatus status = refusal.reason() == LoyaltyRefusal.Reason.NO_SUCH_REDEMPTION
                ? HttpStatus.NOT_FOUND
                : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
        problem.setProperty("reason", refusal.reason().name().toLowerCase(Locale.ROOT));
        return problem;
    }

    private static RedemptionAnswer answer(Store store, Redemption redemption) {
        return RedemptionAnswer.of(redemption, Money.fractionDigits(store.currency()));
    }

    private static String actor(HttpServletRequest request) {
        String key = ApiKeyAuthentication.presentedKey(request).orElse("");
        String[] parts = key.split("_");
        return parts.length >= 2 ? "api key " + parts[0] + "_" + parts[1] : "api";
    }
}
