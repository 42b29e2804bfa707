package io.basira.bench;

import io.basira.campaigns.Channel;
import io.basira.campaigns.ItemLink;
import io.basira.campaigns.MessageTemplate;
import io.basira.campaigns.MessageVariables;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.TemplateText;
import io.basira.campaigns.delivery.MessageRendering;
import io.basira.campaigns.delivery.RenderedMessage;
import io.basira.shared.Money;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-off campaign to many customers (issue 17, "Speed"): each customer's marketing e-mail rendered as the
 * messenger renders it (the core's {@code MessageRendering}: the Arabic or English text, variables escaped, the
 * merchant's HTML sanitised, the RTL/LTR layout, the plain part), built as the server's {@code EmailChannel} builds
 * it (multipart/alternative, UTF-8, the RFC 8058 headers) and handed over SMTP (Angus Mail) to a minimal SMTP sink
 * on loopback started here, which reads every message to its end and answers 250. Prints messages/s and the peak
 * heap. {@code --connection per-message} (the server's way: one SMTP session per message) or {@code reuse} (one
 * session for the run).
 * <pre>
 * ./mvnw -q -o -pl basira-core,basira-bench -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp-bench.txt
 * java -Xmx512m -cp basira-bench/target/classes:basira-core/target/classes:$(cat /tmp/cp-bench.txt) \
 *     io.basira.bench.MessageBlast --messages 100000 --connection per-message
 * </pre>
 */
public final class MessageBlast {

    static final MessageTemplate TEMPLATE = new MessageTemplate(
            new TemplateText(
                    "{{first_name}}، سلتك في {{store_name}} بانتظارك",
                    "<p>مرحباً {{first_name}}،</p><p>سلتك بانتظارك:</p><ul>{{#items}}<li><a href=\"{{item.url}}\">"
                            + "{{item.name}}</a> × {{item.quantity}} — {{item.price}}</li>{{/items}}</ul>"
                            + "{{#coupon_code}}<p>استخدم الكود <b>{{coupon_code}}</b> قبل {{coupon_expires}}.</p>"
                            + "{{/coupon_code}}<p style=\"color:#555\">{{store_name}}</p>"),
            new TemplateText(
                    "{{first_name}}, your cart at {{store_name}} is waiting",
                    "<p>Hello {{first_name}},</p><p>Your cart is waiting:</p><ul>{{#items}}<li><a href=\"{{item.url}}\">"
                            + "{{item.name}}</a> × {{item.quantity}} — {{item.price}}</li>{{/items}}</ul>"
                            + "{{#coupon_code}}<p>Use <b>{{coupon_code}}</b> before {{coupon_expires}}.</p>{{/coupon_code}}"));

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(option(args, "--messages", "100000"));
        boolean reuse = option(args, "--connection", "per-message").equals("reuse");
        ZoneId zone = ZoneId.of("Asia/Riyadh");
        Currency sar = Currency.getInstance("SAR");
        Instant expiry = Instant.parse("2026-12-31T20:59:00Z");
        try (Sink sink = new Sink()) {
            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", Integer.toString(sink.port()));
            Session session = Session.getInstance(p);
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            long bytes = 0;
            Transport transport = reuse ? session.getTransport("smtp") : null;
            if (transport != null) {
                transport.connect();
            }
            for (int i = 0; i < messages; i++) {
                boolean arabic = i % 3 != 0;
                MessageVariables variables = new MessageVariables(
                        List.of(
                                new ItemLink(
                                        "P" + (i % 500),
                                        arabic ? "عطر العود " + (i % 500) : "Oud perfume " + (i % 500),
                                        "https://shop.example/p/" + (i % 500),
                                        1 + i % 3,
                                        Money.ofMinor(15000 + i % 9000, sar)),
                                new ItemLink(
                                        "P" + (i % 77),
                                        arabic ? "مسك الطهارة" : "Musk Tahara",
                                        "https://shop.example/p/m" + (i % 77),
                                        1,
                                        Money.ofMinor(4500, sar))),
                        "C" + Integer.toString(i, 36).toUpperCase(),
                        expiry,
                        null,
                        null,
                        null);
                RenderedMessage rendered = MessageRendering.render(
                        Channel.EMAIL,
                        Purpose.MARKETING,
                        TEMPLATE,
                        arabic ? "ar" : "en",
                        "ar",
                        arabic ? "سارة" + i : "Sara" + i,
                        "دار العود",
                        variables,
                        "https://basira.example/u/token" + i,
                        zone);
                MimeMessage mime = new MimeMessage(session);
                mime.setFrom(new InternetAddress("shop@example.com"));
                mime.setRecipient(Message.RecipientType.TO, new InternetAddress("c" + i + "@example.com"));
                mime.setSubject(rendered.subject(), "UTF-8");
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(rendered.text(), "UTF-8");
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(rendered.html(), "text/html; charset=UTF-8");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                mime.setContent(alternative);
                mime.setHeader("List-Unsubscribe", "<https://basira.example/u/token" + i + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                mime.saveChanges();
                bytes += rendered.html().length() + rendered.text().length();
                if (transport != null) {
                    transport.sendMessage(mime, mime.getAllRecipients());
                } else {
                    Transport.send(mime);
                }
            }
            if (transport != null) {
                transport.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = peakHeap();
            System.out.printf(
                    "messages=%d connection=%s seconds=%.1f messages/s=%.0f received=%d "
                            + "rendered-chars/message=%d peak-heap-MiB=%.0f max-heap-MiB=%.0f%n",
                    messages,
                    reuse ? "reuse" : "per-message",
                    seconds,
                    messages / seconds,
                    sink.received(),
                    bytes / messages,
                    peak / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
            if (sink.received() != messages) {
                System.out.println("FAILED: the sink received " + sink.received() + " messages");
                System.exit(1);
            }
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String option(String[] args, String name, String otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return otherwise;
    }

    /** A minimal SMTP server on loopback: accepts every message, reads it to the end, keeps only a count. */
    static final class Sink implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final AtomicLong received = new AtomicLong();
        private final Thread acceptor;

        Sink() throws IOException {
            acceptor = new Thread(
                    () -> {
                        while (!server.isClosed()) {
                            try {
                                Socket socket = server.accept();
                                Thread session = new Thread(() -> serve(socket), "smtp-sink-session");
                                session.setDaemon(true);
                                session.start();
                            } catch (IOException closed) {
                                return;
                            }
                        }
                    },
                    "smtp-sink");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        long received() {
            return received.get();
        }

        private void serve(Socket socket) {
            try (socket;
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    OutputStream out = socket.getOutputStream()) {
                reply(out, "220 sink ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                    switch (command) {
                        case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                        case "DATA" -> {
                            reply(out, "354 go on");
                            String body;
                            while ((body = in.readLine()) != null && !body.equals(".")) {
                                // read to the end of the message
                            }
                            received.incrementAndGet();
                            reply(out, "250 queued");
                        }
                        case "QUIT" -> {
                            reply(out, "221 bye");
                            return;
                        }
                        default -> reply(out, "502 not here");
                    }
                }
            } catch (IOException ignored) {
                // the client went away
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
