package org.cms.partnerships.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cms.partnerships.notification.NotificationLog.Entry;
import org.cms.partnerships.register.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends one templated e-mail to each recipient in their language and logs every one.
 *
 * <p>Once per recipient ({@link OncePerRecipient}): each recipient's message has a key (the caller's
 * key plus the address); one already sent, rendered or reported invalid is skipped, so a retried job
 * sends only what failed. Each outcome is logged at once in its own transaction (the log survives the
 * failed job's rollback). Without {@code spring.mail.host} there is no mail sender: messages are rendered and kept
 * in the log with status RENDERED, which is how the embedded demo shows what would go out.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final MailTemplates templates;
    private final DeliveryLog notificationLog;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final String baseUrl;

    @Autowired
    public NotificationService(MailTemplates templates, NotificationLog notificationLog,
                               ObjectProvider<JavaMailSender> mailSender,
                               @Value("${cms.mail.from:partnerships@cms.example.org}") String from,
                               @Value("${cms.base-url}") String baseUrl) {
        this(templates, (DeliveryLog) notificationLog, mailSender, from, baseUrl);
    }

    /** With any log: the unit test's in memory. */
    NotificationService(MailTemplates templates, DeliveryLog notificationLog, ObjectProvider<JavaMailSender> mailSender,
                        String from, String baseUrl) {
        this.templates = templates;
        this.notificationLog = notificationLog;
        this.mailSender = mailSender;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /** What was done; problems name the recipients nobody could write to. */
    public record Outcome(int sent, int rendered, int skipped, List<String> problems) {
    }

    /**
     * @param key identifies this notification within the process (same on a retry, new on a new round)
     * @throws NotificationDeliveryException if any delivery failed, after trying every recipient
     */
    public Outcome send(String template, String subjectReference, List<Recipient> recipients,
                        Map<String, Object> model, String key, String processInstanceId) {
        JavaMailSender sender = mailSender.getIfAvailable();
        int sent = 0;
        int rendered = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        MailException lastFailure = null;

        // One read for the whole round: what earlier attempts settled.
        // A recipient named twice in one round is settled by the first (kept in the map as the round goes).
        Map<String, NotificationStatus> earlier = new HashMap<>(notificationLog.statusesOf(
                recipients.stream().map(r -> OncePerRecipient.messageKey(key, r)).distinct().toList()));
        for (Recipient recipient : recipients) {
            String dedupKey = OncePerRecipient.messageKey(key, recipient);
            OncePerRecipient.Action action = OncePerRecipient.actionFor(java.util.Optional.ofNullable(earlier.get(dedupKey)));
            if (action != OncePerRecipient.Action.SEND) {
                skipped++;
                if (action == OncePerRecipient.Action.SKIP_AND_REPORT) {
                    problems.add(OncePerRecipient.problemWith(recipient));
                }
                continue;
            }
            MailTemplates.Rendered message = templates.render(template, recipient.language(),
                    modelFor(recipient, model));
            Entry entry = new Entry(dedupKey, template, subjectReference, recipient, message.subject(), message.body(),
                    processInstanceId);
            String invalid = OncePerRecipient.addressProblem(recipient.email());
            if (invalid != null) {
                problems.add(OncePerRecipient.problemWith(recipient));
                notificationLog.record(entry, NotificationStatus.INVALID_RECIPIENT, invalid);
                earlier.put(dedupKey, NotificationStatus.INVALID_RECIPIENT);
                continue;
            }
            if (sender == null) {
                notificationLog.record(entry, NotificationStatus.RENDERED, null);
                earlier.put(dedupKey, NotificationStatus.RENDERED);
                rendered++;
                continue;
            }
            try {
                sender.send(mime(sender, recipient, message));
                notificationLog.record(entry, NotificationStatus.SENT, null);
                earlier.put(dedupKey, NotificationStatus.SENT);
                sent++;
            } catch (MailException e) {
                lastFailure = e;
                failures.add(recipient.email());
                notificationLog.record(entry, NotificationStatus.FAILED, e.getMessage());
                earlier.put(dedupKey, NotificationStatus.FAILED);
            }
        }
        if (lastFailure != null) {
            throw new NotificationDeliveryException("%d of %d e-mails (%s) not delivered: %s".formatted(
                    failures.size(), recipients.size(), template, lastFailure.getMessage()), lastFailure);
        }
        log.info("Notification {} for {}: {} sent, {} rendered, {} already done, {} problems", template,
                subjectReference, sent, rendered, skipped, problems.size());
        return new Outcome(sent, rendered, skipped, problems);
    }

    private Map<String, Object> modelFor(Recipient recipient, Map<String, Object> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("recipientName", recipient.name());
        full.put("baseUrl", baseUrl);
        full.put("dates", new Dates(recipient.language()));
        return full;
    }

    private MimeMessage mime(JavaMailSender sender, Recipient recipient, MailTemplates.Rendered message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
            helper.setFrom(from);
            helper.setTo(new InternetAddress(recipient.email(), recipient.name(), "UTF-8"));
            helper.setSubject(message.subject());
            helper.setText(message.body());
            return mime;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the e-mail to " + recipient.email(), e);
        }
    }

    /** Date formatting in the recipient's language, for templates: {@code ${dates.format(meetingDate)}}. */
    public static final class Dates {
        private final DateTimeFormatter formatter;

        Dates(Language language) {
            // "6 January 2027", "6 janvier 2027", "6 de enero de 2027"
            String pattern = language == Language.ES ? "d 'de' MMMM 'de' yyyy" : "d MMMM yyyy";
            this.formatter = DateTimeFormatter.ofPattern(pattern, MailTemplates.locale(language));
        }

        public String format(Object value) {
            if (value == null) {
                return "";
            }
            if (value instanceof LocalDate date) {
                return formatter.format(date);
            }
            if (value instanceof java.util.Date date) {
                return formatter.format(date.toInstant().atZone(ZoneId.of("Europe/Berlin")).toLocalDate());
            }
            if (value instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return formatter.format(LocalDate.parse(text));
            }
            return value.toString();
        }
    }
}
