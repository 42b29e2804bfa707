package io.basira.server.messaging.web;

import io.basira.campaigns.Channel;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.TemplateText;
import io.basira.campaigns.delivery.RenderedMessage;
import io.basira.campaigns.delivery.TemplateProblem;
import io.basira.server.dashboard.DashboardPage;
import io.basira.server.dashboard.MerchantMessages;
import io.basira.server.dashboard.PageText;
import io.basira.server.dashboard.SignedIn;
import io.basira.server.messaging.MessagingService;
import io.basira.server.privacy.web.PrivacyPages;
import io.basira.shared.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The messages page (docs/campaigns.md, "Channels" and "Care"): the store's channel settings (secrets are
 * write-only: the form shows only whether one is saved), a template's preview in Arabic and English with a test
 * send, and a customer's consent and messages.
 */
@DashboardPage
public final class MessagesPage {

    static final String AR_BODY = "<p>مرحباً {{first_name}}،</p>\n<p>سلتك في {{store_name}} بانتظارك:</p>\n"
            + "<ul>{{#items}}<li><a href=\"{{item.url}}\">{{item.name}}</a> × {{item.quantity}}</li>{{/items}}</ul>\n"
            + "{{#coupon_code}}<p>استخدم الكود <b>{{coupon_code}}</b> قبل {{coupon_expires}}.</p>{{/coupon_code}}";
    static final String EN_BODY = "<p>Hello {{first_name}},</p>\n<p>Your cart at {{store_name}} is waiting:</p>\n"
            + "<ul>{{#items}}<li><a href=\"{{item.url}}\">{{item.name}}</a> × {{item.quantity}}</li>{{/items}}</ul>\n"
            + "{{#coupon_code}}<p>Use the code <b>{{coupon_code}}</b> before {{coupon_expires}}.</p>{{/coupon_code}}";

    private final MessagingService messaging;

    private final MessageSource bundles;

    MessagesPage(MessagingService messaging, MessageSource bundles) {
        this.messaging = messaging;
        this.bundles = bundles;
    }

    /** A refusal in the reader's language (coded reasons from the bundles, anything else isolated). */
    private String said(RuntimeException e, Locale locale) {
        PageText text = new PageText(bundles, locale);
        if (e instanceof NotFoundException) {
            return text.get("messages.error.no-customer");
        }
        return MerchantMessages.of(e, text);
    }

    @GetMapping("/messages")
    String page(SignedIn signedIn, @RequestParam(required = false) String customer, Model model) {
        fill(
                signedIn,
                customer,
                model,
                "email",
                "سلتك بانتظارك يا {{first_name}}",
                AR_BODY,
                "{{first_name}}, your cart is waiting",
                EN_BODY);
        return "messages";
    }

    @PostMapping("/messages/settings")
    String save(SignedIn signedIn, MessagingService.SettingsInput input, Locale locale, RedirectAttributes redirect) {
        try {
            messaging.save(signedIn.store(), input, PrivacyPages.actor(signedIn));
            redirect.addFlashAttribute("notice", "saved");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", said(e, locale));
        }
        return "redirect:/messages";
    }

    @PostMapping("/messages/preview")
    String preview(
            SignedIn signedIn,
            @RequestParam(defaultValue = "email") String channel,
            @RequestParam(defaultValue = "") String arSubject,
            @RequestParam(defaultValue = "") String arBody,
            @RequestParam(defaultValue = "") String enSubject,
            @RequestParam(defaultValue = "") String enBody,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String language,
            @RequestParam(defaultValue = "false") boolean send,
            Locale locale,
            Model model) {
        fill(signedIn, null, model, channel, arSubject, arBody, enSubject, enBody);
        PageText text = new PageText(bundles, locale);
        try {
            MessageTemplate template = new MessageTemplate(
                    arBody.isBlank() ? null : new TemplateText(arSubject, arBody),
                    enBody.isBlank() ? null : new TemplateText(enSubject, enBody));
            Map<String, TemplateProblem> problems = messaging.templateProblems(template);
            if (!problems.isEmpty()) {
                Map<String, String> said = new LinkedHashMap<>();
                problems.forEach((lang, problem) -> said.put(
                        text.get("messages.template-language." + lang), MerchantMessages.template(problem, text)));
                model.addAttribute("problems", said);
                return "messages";
            }
            Channel ch = channel.equals("sms") ? Channel.SMS : Channel.EMAIL;
            model.addAttribute("previews", previews(messaging, signedIn.store(), ch, Purpose.MARKETING, template));
            if (send) {
                SendOutcome outcome = messaging.testSend(signedIn.store(), ch, template, language, to);
                model.addAttribute("sent", outcome instanceof SendOutcome.Sent);
                model.addAttribute(
                        "sendProblem",
                        outcome instanceof SendOutcome.Failed f
                                ? text.get("messages.test-failed", MerchantMessages.isolate(f.reason(), text))
                                : outcome instanceof SendOutcome.Suppressed s
                                        ? text.get("campaigns.outcome.suppressed."
                                                + s.reason().name().toLowerCase(Locale.ROOT))
                                        : null);
            }
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", said(e, locale));
        }
        return "messages";
    }

    @PostMapping("/messages/consent")
    String consent(
            SignedIn signedIn,
            @RequestParam String customer,
            @RequestParam String channel,
            @RequestParam String purpose,
            @RequestParam boolean granted,
            Locale locale,
            RedirectAttributes redirect) {
        try {
            messaging.record(
                    signedIn.store(),
                    customer,
                    Channel.valueOf(channel.toUpperCase(Locale.ROOT)),
                    Purpose.valueOf(purpose.toUpperCase(Locale.ROOT)),
                    granted,
                    "dashboard");
            redirect.addFlashAttribute("notice", "consent");
        } catch (IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("error", said(e, locale));
        }
        redirect.addAttribute("customer", customer);
        return "redirect:/messages";
    }

    /** One language's preview: the e-mail's body (its layout's inside), or the SMS text and segments. */
    /** The template in each of its languages, with sample values, as the page shows it (no SMS figures for a webhook). */
    public static Map<String, Preview> previews(
            MessagingService messaging,
            io.basira.shared.Store store,
            Channel channel,
            Purpose purpose,
            MessageTemplate template) {
        Map<String, Preview> previews = new LinkedHashMap<>();
        messaging.preview(store, channel, purpose, template).forEach((lang, rendered) -> {
            Preview p = Preview.of(rendered);
            previews.put(
                    lang, channel == Channel.SMS ? p : new Preview(p.subject(), p.body(), p.text(), null, null, null));
        });
        return previews;
    }

    record Preview(String subject, String body, String text, String encoding, Integer characters, Integer segments) {

        static Preview of(RenderedMessage r) {
            String body = null;
            if (r.html() != null) {
                int start = r.html().indexOf('>', r.html().indexOf("<body")) + 1;
                int end = r.html().lastIndexOf("</body>");
                body = r.html().substring(start, end);
            }
            return new Preview(
                    r.subject(),
                    body,
                    r.text(),
                    r.segments() == null ? null : r.segments().encoding(),
                    r.segments() == null ? null : r.segments().characters(),
                    r.segments() == null ? null : r.segments().segments());
        }
    }

    private void fill(
            SignedIn signedIn,
            String customer,
            Model model,
            String channel,
            String arSubject,
            String arBody,
            String enSubject,
            String enBody) {
        model.addAttribute("settings", messaging.view(signedIn.store()));
        model.addAttribute("channel", channel);
        model.addAttribute("arSubject", arSubject);
        model.addAttribute("arBody", arBody);
        model.addAttribute("enSubject", enSubject);
        model.addAttribute("enBody", enBody);
        model.addAttribute("customer", customer);
        if (customer != null && !customer.isBlank()) {
            try {
                model.addAttribute("consent", messaging.consent(signedIn.store(), customer.strip()));
                model.addAttribute("log", messaging.messages(signedIn.store(), customer.strip(), 50));
            } catch (NotFoundException e) {
                model.addAttribute("noCustomer", true);
            }
        }
    }
}
