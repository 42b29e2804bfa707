package io.basira.server.campaigns.web;

import io.basira.campaigns.Arm;
import io.basira.campaigns.Campaign;
import io.basira.campaigns.CampaignKind;
import io.basira.campaigns.CampaignStatus;
import io.basira.campaigns.Channel;
import io.basira.campaigns.InvalidCampaign;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.TemplateText;
import io.basira.campaigns.lift.LiftReport;
import io.basira.server.campaigns.CampaignService;
import io.basira.server.campaigns.api.CampaignRequest;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.messaging.MessagingService;
import io.basira.server.messaging.web.MessagesPage;
import io.basira.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's campaign pages (docs/campaigns.md, "API/CLI/dashboard"): {@code /campaigns} (every campaign with
 * its status and results), {@code /campaigns/new} (the builder), {@code /campaigns/{id}} (the report with the lift in
 * words, and the status buttons). Reading needs {@code READ} (support agents too); creating and status changes are
 * {@code POST}s, {@code CHANGE} (owners and marketers), by the dashboard's one security rule.
 */
@DashboardPage
public class CampaignPages {

    private final CampaignService campaigns;
    private final MessagingService messaging;
    private final MessageSource messages;

    public CampaignPages(CampaignService campaigns, MessagingService messaging, MessageSource messages) {
        this.campaigns = campaigns;
        this.messaging = messaging;
        this.messages = messages;
    }

    /** A campaign's line in the list. */
    public record Row(Campaign campaign, long recipients, long conversions, String verdict) {}

    @GetMapping("/campaigns")
    public String list(SignedIn signedIn, Model model) {
        List<Row> rows = new ArrayList<>();
        for (Campaign campaign : campaigns.list(signedIn.store())) {
            CampaignService.Report report = campaigns.report(signedIn.store(), campaign.id());
            LiftReport lift = report.lift();
            rows.add(new Row(
                    campaign,
                    lift.treatment().recipients() + lift.control().recipients(),
                    lift.treatment().conversions() + lift.control().conversions(),
                    lift.verdict().code()));
        }
        model.addAttribute("rows", rows);
        return "campaigns";
    }

    @GetMapping("/campaigns/new")
    public String builder(Model model) {
        model.addAttribute(
                "kinds",
                java.util.Arrays.stream(CampaignKind.values())
                        .map(CampaignKind::code)
                        .toList());
        model.addAttribute("defaults", Campaign.DEFAULT_CONTROL_PERCENT);
        return "campaign-editor";
    }

    /**
     * The builder's live preview (htmx, as the merchant types): the message in both languages with sample values, as
     * the /messages page renders it, for the builder's channel and purpose; or the template's problems.
     */
    @PostMapping("/campaigns/preview")
    public String preview(
            SignedIn signedIn,
            @RequestParam(defaultValue = "email") String channel,
            @RequestParam(defaultValue = "marketing") String purpose,
            @RequestParam(defaultValue = "") String subjectAr,
            @RequestParam(defaultValue = "") String bodyAr,
            @RequestParam(defaultValue = "") String subjectEn,
            @RequestParam(defaultValue = "") String bodyEn,
            Locale locale,
            Model model) {
        if (bodyAr.isBlank() && bodyEn.isBlank()) {
            return "message-previews :: live";
        }
        try {
            MessageTemplate template = new MessageTemplate(
                    bodyAr.isBlank() ? null : new TemplateText(subjectAr, bodyAr),
                    bodyEn.isBlank() ? null : new TemplateText(subjectEn, bodyEn));
            Map<String, String> problems = messaging.problems(template);
            if (!problems.isEmpty()) {
                model.addAttribute("problems", problems);
            } else {
                Channel ch = switch (channel) {
                    case "sms" -> Channel.SMS;
                    case "webhook" -> Channel.WEBHOOK;
                    default -> Channel.EMAIL;
                };
                model.addAttribute(
                        "previews",
                        MessagesPage.previews(
                                messaging,
                                signedIn.store(),
                                ch,
                                purpose.equals("transactional") ? Purpose.TRANSACTIONAL : Purpose.MARKETING,
                                template));
            }
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", MerchantMessages.of(e, new PageText(messages, locale)));
        }
        return "message-previews :: live";
    }

    @PostMapping("/campaigns")
    public String create(
            SignedIn signedIn,
            @ModelAttribute CampaignRequest form,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        try {
            for (String[] required : new String[][] {{"name", form.name()}, {"kind", form.kind()}}) {
                if (required[1] == null || required[1].isBlank()) {
                    throw new InvalidCampaign(required[0], InvalidCampaign.Reason.REQUIRED, required[0] + ": required");
                }
            }
            Campaign created = campaigns.create(signedIn.store(), form.toCampaign(), actor(signedIn));
            return "redirect:/campaigns/" + created.id();
        } catch (InvalidCampaign e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refusal(e, new PageText(messages, locale)));
            model.addAttribute("form", form);
            return builder(model);
        }
    }

    /**
     * A refusal of the builder in the page's language: the field by its label on the form, then why, from
     * {@code campaigns.error.<code>} with the arguments isolated (a number or a group key keeps its direction).
     */
    static String refusal(InvalidCampaign e, PageText text) {
        return MerchantMessages.campaign(e, text);
    }

    @GetMapping("/campaigns/{id}")
    public String show(SignedIn signedIn, @PathVariable long id, Model model, Locale locale) {
        CampaignService.Report report;
        try {
            report = campaigns.report(signedIn.store(), id);
        } catch (NotFoundException e) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND);
        }
        DashboardFormats fmt = new DashboardFormats(locale, signedIn.store());
        LiftReport lift = report.lift();
        model.addAttribute("campaign", report.campaign());
        model.addAttribute("report", report);
        int digits = io.basira.shared.Money.fractionDigits(signedIn.store().currency());
        model.addAttribute("treatment", arm(lift, Arm.TREATMENT, fmt, digits));
        model.addAttribute("control", arm(lift, Arm.CONTROL, fmt, digits));
        model.addAttribute("liftWords", words(lift, fmt, new PageText(messages, locale)));
        model.addAttribute("canActivate", Campaign.canMove(report.campaign().status(), CampaignStatus.ACTIVE));
        model.addAttribute("canPause", Campaign.canMove(report.campaign().status(), CampaignStatus.PAUSED));
        model.addAttribute("canFinish", Campaign.canMove(report.campaign().status(), CampaignStatus.FINISHED));
        return "campaign";
    }

    @PostMapping("/campaigns/{id}/status")
    public String status(SignedIn signedIn, @PathVariable long id, @RequestParam String to) {
        campaigns.move(signedIn.store(), id, CampaignStatus.fromCode(to), actor(signedIn));
        return "redirect:/campaigns/" + id;
    }

    /** One side's figures, formatted. */
    public record ArmView(String recipients, String conversions, String rate, String revenuePerRecipient) {}

    private static ArmView arm(LiftReport lift, Arm side, DashboardFormats fmt, int digits) {
        var result = side == Arm.TREATMENT ? lift.treatment() : lift.control();
        return new ArmView(
                fmt.number(result.recipients()),
                fmt.number(result.conversions()),
                fmt.percent(BigDecimal.valueOf(result.conversionRate())),
                fmt.money(result.revenuePerRecipientMinor()
                        .movePointLeft(digits)
                        .setScale(digits, RoundingMode.HALF_UP)));
    }

    /** The verdict in words; its percentages in the dashboard's one format ({@link DashboardFormats#percentFigure}). */
    static String words(LiftReport lift, DashboardFormats fmt, PageText text) {
        String key = "campaigns.lift." + lift.verdict().code();
        if (lift.lower() == null) {
            return text.get(key);
        }
        return text.get(
                key,
                percent(Math.abs(lift.lift()), fmt, text),
                percent(lift.lower(), fmt, text),
                percent(lift.upper(), fmt, text));
    }

    /** A share as a percentage with one decimal ({@code 12.5٪}), isolated so a minus sign keeps its place. */
    private static String percent(double share, DashboardFormats fmt, PageText text) {
        return MerchantMessages.isolate(
                fmt.percentFigure(BigDecimal.valueOf(100 * share).setScale(1, RoundingMode.HALF_UP)), text);
    }

    private static io.basira.server.privacy.AuditLog.Actor actor(SignedIn signedIn) {
        return io.basira.server.privacy.AuditLog.Actor.user(
                signedIn.user().id(), signedIn.user().email());
    }
}
