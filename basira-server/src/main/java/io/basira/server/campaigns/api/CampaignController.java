package io.basira.server.campaigns.api;

import io.basira.campaigns.CampaignStatus;
import io.basira.campaigns.InvalidCampaign;
import io.basira.server.campaigns.CampaignRefusal;
import io.basira.server.campaigns.CampaignService;
import io.basira.server.campaigns.api.CampaignAnswers.CampaignAnswer;
import io.basira.server.campaigns.api.CampaignAnswers.ReportAnswer;
import io.basira.server.platform.security.ApiKeyAuthentication;
import io.basira.server.privacy.AuditLog;
import io.basira.shared.Store;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
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
 * The campaigns API (docs/campaigns.md, "API/CLI/dashboard"): create, change (a draft or a paused campaign),
 * activate, pause, finish, list, show and report. Every call acts on the API key's store; another store's campaign is
 * not found (404). A status change the campaign cannot make is a 409 problem.
 */
@RestController
@RequestMapping("/api/v1/campaigns")
public class CampaignController {

    private final CampaignService campaigns;
    private final AuditLog audit;

    public CampaignController(CampaignService campaigns, AuditLog audit) {
        this.campaigns = campaigns;
        this.audit = audit;
    }

    /** Who the audit log names: the API key of the request (its first characters). */
    private AuditLog.Actor actor(HttpServletRequest request) {
        return audit.apiKey(ApiKeyAuthentication.presentedKey(request).orElse(null));
    }

    @GetMapping
    public List<CampaignAnswer> list(Store store) {
        return campaigns.list(store).stream().map(CampaignAnswer::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CampaignAnswer create(Store store, @Valid @RequestBody CampaignRequest body, HttpServletRequest request) {
        return CampaignAnswer.of(campaigns.create(store, body.toCampaign(), actor(request)));
    }

    @GetMapping("/{id}")
    public CampaignAnswer show(Store store, @PathVariable long id) {
        return CampaignAnswer.of(campaigns.show(store, id));
    }

    @PutMapping("/{id}")
    public CampaignAnswer update(
            Store store, @PathVariable long id, @Valid @RequestBody CampaignRequest body, HttpServletRequest request) {
        return CampaignAnswer.of(campaigns.update(store, id, body.toCampaign(), actor(request)));
    }

    @PostMapping("/{id}/activate")
    public CampaignAnswer activate(Store store, @PathVariable long id, HttpServletRequest request) {
        return CampaignAnswer.of(campaigns.move(store, id, CampaignStatus.ACTIVE, actor(request)));
    }

    @PostMapping("/{id}/pause")
    public CampaignAnswer pause(Store store, @PathVariable long id, HttpServletRequest request) {
        return CampaignAnswer.of(campaigns.move(store, id, CampaignStatus.PAUSED, actor(request)));
    }

    @PostMapping("/{id}/finish")
    public CampaignAnswer finish(Store store, @PathVariable long id, HttpServletRequest request) {
        return CampaignAnswer.of(campaigns.move(store, id, CampaignStatus.FINISHED, actor(request)));
    }

    @GetMapping("/{id}/report")
    public ReportAnswer report(Store store, @PathVariable long id) {
        return ReportAnswer.of(campaigns.report(store, id), store.currency());
    }

    /**
     * 400 with the English sentence as the detail (and the one problem listed, as every 400 of the API lists them),
     * plus what the dashboard says it from: {@code field}, {@code code} ({@code campaigns.error.<code>} of the
     * bundles) and {@code arguments}, as an import's {@code error_details} and a loyalty refusal's {@code reason}.
     */
    @ExceptionHandler(InvalidCampaign.class)
    ProblemDetail invalid(InvalidCampaign invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setProperty("problems", List.of(invalid.getMessage()));
        problem.setProperty("field", invalid.field());
        problem.setProperty("code", invalid.reason().code());
        problem.setProperty("arguments", invalid.arguments());
        return problem;
    }

    @ExceptionHandler(CampaignRefusal.class)
    ProblemDetail refused(CampaignRefusal refusal) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal.getMessage());
    }
}
