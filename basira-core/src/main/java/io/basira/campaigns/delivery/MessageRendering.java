package io.basira.campaigns.delivery;

import io.basira.campaigns.Channel;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.MessageVariables;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.TemplateText;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders a template for one customer (docs/campaigns.md, "Templates"). E-mail: the body's variables are
 * HTML-escaped, then the whole body is sanitised (OWASP Java HTML Sanitizer: text formatting, links to
 * {@code http}, {@code https} and {@code mailto}, images, tables and safe inline styles stay; scripts, event
 * handlers, forms, frames and {@code javascript:} links go), then set in the layout ({@code dir="rtl" lang="ar"}
 * for Arabic, inline styles only, as mail clients want) with the unsubscribe footer for marketing; the plain-text
 * part is derived from the same HTML. SMS: plain text, variables as they are, and for marketing a short opt-out
 * line with the unsubscribe link.
 */
public final class MessageRendering {

    public static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("hr", "center", "span", "div")
                    .allowAttributes("dir", "align")
                    .globally()
                    .toFactory());

    private static final Pattern LINK =
            Pattern.compile("<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BREAK =
            Pattern.compile("<br\\s*/?>|</(p|div|h[1-6]|li|tr|table|ul|ol)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private MessageRendering() {}

    public static RenderedMessage render(
            Channel channel,
            Purpose purpose,
            MessageTemplate template,
            String customerLanguage,
            String storeLanguage,
            String firstName,
            String storeName,
            MessageVariables variables,
            String unsubscribeUrl,
            ZoneId zone) {
        String language = Languages.choose(template, customerLanguage, storeLanguage);
        TemplateText text = Languages.text(template, language);
        boolean marketing = purpose == Purpose.MARKETING;
        MessageValues values = MessageValues.of(firstName, storeName, variables, marketing ? unsubscribeUrl : "", zone);
        String subject = text.subject() == null ? "" : oneLine(TemplateRenderer.render(text.subject(), values, s -> s));
        if (channel == Channel.EMAIL) {
            String body = POLICY.sanitize(TemplateRenderer.render(text.body(), values, TemplateRenderer::escapeHtml));
            String html = layout(language, subject, body, marketing ? unsubscribeUrl : null, storeName);
            return new RenderedMessage(language, subject, html, plainText(html), null);
        }
        String sms = TemplateRenderer.render(text.body(), values, s -> s).strip();
        if (marketing && unsubscribeUrl != null && !sms.contains(unsubscribeUrl)) {
            sms = sms + "\n" + (language.equals(Languages.ARABIC) ? "لإيقاف الرسائل: " : "Stop: ") + unsubscribeUrl;
        }
        return new RenderedMessage(language, subject, null, sms, SmsSegments.of(sms));
    }

    public static String layout(String language, String subject, String body, String unsubscribeUrl, String storeName) {
        boolean arabic = language.equals(Languages.ARABIC);
        String dir = arabic ? "rtl" : "ltr";
        String align = arabic ? "right" : "left";
        StringBuilder html = new StringBuilder(body.length() + 1200);
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(language)
                .append("\" dir=\"")
                .append(dir)
                .append("\">\n")
                .append("<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>")
                .append(TemplateRenderer.escapeHtml(subject))
                .append("</title></head>\n")
                .append("<body dir=\"")
                .append(dir)
                .append("\" style=\"margin:0;padding:0;background-color:#f4f4f5;\">\n")
                .append("<div dir=\"")
                .append(dir)
                .append("\" lang=\"")
                .append(language)
                .append("\" style=\"max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;")
                .append("font-family:Tahoma,Arial,sans-serif;font-size:16px;line-height:1.7;color:#1f2937;text-align:")
                .append(align)
                .append(";direction:")
                .append(dir)
                .append(";\">\n")
                .append(body)
                .append("\n</div>\n");
        if (unsubscribeUrl != null) {
            String url = TemplateRenderer.escapeHtml(unsubscribeUrl);
            html.append("<p dir=\"")
                    .append(dir)
                    .append("\" style=\"max-width:600px;margin:12px auto;padding:0 24px;")
                    .append("font-family:Tahoma,Arial,sans-serif;font-size:12px;color:#6b7280;text-align:")
                    .append(align)
                    .append(";\">")
                    .append(TemplateRenderer.escapeHtml(storeName == null ? "" : storeName))
                    .append(" · ")
                    .append("<a href=\"")
                    .append(url)
                    .append("\" style=\"color:#6b7280;\">")
                    .append(arabic ? "إلغاء الاشتراك" : "Unsubscribe")
                    .append("</a></p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The plain-text alternative of an HTML message: links as "text (address)", blocks as lines, no tags. */
    public static String plainText(String html) {
        int bodyAt = html.indexOf("<body");
        String rest = bodyAt < 0 ? html : html.substring(html.indexOf('>', bodyAt) + 1);
        Matcher links = LINK.matcher(rest);
        StringBuilder withLinks = new StringBuilder();
        while (links.find()) {
            String label = links.group(2);
            String url = links.group(1);
            links.appendReplacement(
                    withLinks,
                    Matcher.quoteReplacement(
                            TAG.matcher(label).replaceAll("").strip().equals(unescape(url))
                                    ? label
                                    : label + " (" + url + ")"));
        }
        links.appendTail(withLinks);
        String text = TAG.matcher(BREAK.matcher(withLinks).replaceAll("\n")).replaceAll("");
        text = unescape(text);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String l = line.strip().replaceAll("[ \\t\\u00A0]+", " ");
            if (!l.isEmpty()) {
                out.append(l).append('\n');
            }
        }
        return out.toString().strip() + "\n";
    }

    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default ->
                    new String(Character.toChars(
                            e.startsWith("#x") || e.startsWith("#X")
                                    ? Integer.parseInt(e.substring(2), 16)
                                    : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(r));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
