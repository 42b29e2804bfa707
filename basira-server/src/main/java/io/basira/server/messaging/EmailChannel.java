package io.basira.server.messaging;

import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.delivery.RenderedMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over the store's SMTP server (Spring's {@link JavaMailSenderImpl}, Angus Mail): a multipart/alternative
 * message, plain text and HTML, UTF-8 throughout (an Arabic subject is RFC 2047-encoded); marketing messages carry
 * {@code List-Unsubscribe: <https://…/u/token>} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 * (RFC 8058). The SMTP server's 5xx answers (a refused address, a refused sign-in) fail for good; its 4xx answers
 * and an unreachable server are worth trying again. The password is only in the sender's session, never in a
 * reason or a log line.
 */
public final class EmailChannel {

    /** What one e-mail needs besides the store's settings. */
    public record Email(String to, RenderedMessage message, String unsubscribeUrl) {}

    private final Clock clock;

    public EmailChannel(Clock clock) {
        this.clock = clock;
    }

    public SendOutcome send(MessageSettings settings, String password, Email email) {
        JavaMailSenderImpl sender = sender(settings, password);
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper =
                    new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(settings.emailFrom());
            helper.setTo(email.to());
            helper.setSubject(email.message().subject());
            helper.setText(email.message().text(), email.message().html());
            if (email.unsubscribeUrl() != null) {
                mime.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mime.setHeader("Content-Language", email.message().language());
            mime.saveChanges();
            String messageId = mime.getMessageID();
            sender.send(mime);
            return new SendOutcome.Sent(clock.instant(), messageId);
        } catch (MessagingException e) {
            return new SendOutcome.Failed("the e-mail could not be built: " + e.getMessage(), false);
        } catch (MailAuthenticationException e) {
            return new SendOutcome.Failed("the SMTP server refused the sign-in (check the user and password)", false);
        } catch (MailSendException e) {
            return failed(e);
        } catch (MailException e) {
            return new SendOutcome.Failed("the SMTP server could not be reached: " + rootMessage(e), true);
        }
    }

    /** A 5xx answer of the SMTP server (to the address or the message) fails for good; anything else may pass later. */
    private static SendOutcome failed(MailSendException e) {
        for (Exception cause : e.getFailedMessages().values()) {
            Integer code = smtpCode(cause, 0);
            if (code != null) {
                return new SendOutcome.Failed("the SMTP server refused the message (" + code + ")", code < 500);
            }
        }
        return new SendOutcome.Failed("the SMTP server could not be reached: " + rootMessage(e), true);
    }

    /** The SMTP reply code an exception reports ("550 5.1.1 ..."), searching its causes and next exceptions. */
    private static Integer smtpCode(Throwable t, int depth) {
        if (t == null || depth > 8) {
            return null;
        }
        java.util.regex.Matcher m = SMTP_REPLY.matcher(t.getMessage() == null ? "" : t.getMessage());
        Integer here = null;
        if (m.find()) {
            here = Integer.valueOf(m.group(1));
        }
        Integer deeper = t instanceof MessagingException me && me.getNextException() != null
                ? smtpCode(me.getNextException(), depth + 1)
                : smtpCode(t.getCause() == t ? null : t.getCause(), depth + 1);
        return deeper != null ? deeper : here;
    }

    private static final java.util.regex.Pattern SMTP_REPLY = java.util.regex.Pattern.compile("^\\s*([45]\\d\\d)[ -]");

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    static JavaMailSenderImpl sender(MessageSettings settings, String password) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.smtpHost());
        boolean implicitTls = "tls".equals(settings.smtpTls());
        sender.setPort(settings.smtpPort() != null ? settings.smtpPort() : implicitTls ? 465 : 587);
        sender.setDefaultEncoding("UTF-8");
        if (implicitTls) {
            sender.setProtocol("smtps");
        }
        Properties p = new Properties();
        String protocol = implicitTls ? "smtps" : "smtp";
        if (settings.smtpUsername() != null && !settings.smtpUsername().isBlank()) {
            sender.setUsername(settings.smtpUsername());
            sender.setPassword(password);
            p.put("mail." + protocol + ".auth", "true");
        }
        if ("starttls".equals(settings.smtpTls())) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "30000");
        p.put("mail." + protocol + ".writetimeout", "30000");
        sender.setJavaMailProperties(p);
        return sender;
    }
}
