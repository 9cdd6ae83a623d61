package org.cms.partnerships.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cms.partnerships.endorsement.EndorsementProcess;
import org.cms.partnerships.notification.OncePerRecipient.Action;
import org.cms.partnerships.register.Language;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * "Once per recipient" and recipient validation, without Spring, database or mail server: the rule
 * itself, and {@link NotificationService} over an in-memory log and a mail sender that fails on demand.
 */
class OncePerRecipientTest {

    static final Recipient ANNA = new Recipient("Anna Keller", "anna@stc.example.org", Language.EN);
    static final Recipient LEILA = new Recipient("Leïla Ben Salah", "leila@stc.example.org", Language.FR);
    static final Recipient DIEGO = new Recipient("Diego Benítez", "diego@stc.example.org", Language.ES);
    static final Map<String, Object> MODEL = model();

    /** What the partner-body reminder template reads. */
    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        EndorsementProcess.SUBJECT_REFERENCE.putIn(model, "CMS-TEST-9");
        EndorsementProcess.SUBJECT_TITLE.putIn(model, "Test plan");
        EndorsementProcess.PARTNER_NAME.putIn(model, "Test partner");
        return Map.copyOf(model);
    }

    // ------------------------------------------------------------------ the rule

    @Test
    void onlyWhatFailedOrWasNeverTriedIsSentAgain() {
        assertThat(OncePerRecipient.actionFor(Optional.empty())).isEqualTo(Action.SEND);
        assertThat(OncePerRecipient.actionFor(Optional.of(NotificationStatus.FAILED))).isEqualTo(Action.SEND);
        assertThat(OncePerRecipient.actionFor(Optional.of(NotificationStatus.SENT))).isEqualTo(Action.SKIP);
        assertThat(OncePerRecipient.actionFor(Optional.of(NotificationStatus.RENDERED))).isEqualTo(Action.SKIP);
        assertThat(OncePerRecipient.actionFor(Optional.of(NotificationStatus.INVALID_RECIPIENT)))
                .isEqualTo(Action.SKIP_AND_REPORT);
    }

    @Test
    void aRecipientIsKnownByAddressWhateverItsCaseAndSpacing() {
        assertThat(OncePerRecipient.messageKey("pi/step/1", new Recipient("A", " Anna@STC.example.org ", null)))
                .isEqualTo(OncePerRecipient.messageKey("pi/step/1", ANNA));
        assertThat(OncePerRecipient.messageKey("pi/step/1", new Recipient("No Address", null, null)))
                .isEqualTo("pi/step/1/name:No Address");
        assertThat(OncePerRecipient.messageKey("pi/step/2", ANNA)).isNotEqualTo(OncePerRecipient.messageKey("pi/step/1", ANNA));
    }

    @Test
    void recipientsWithoutAUsableAddressAreNamed() {
        assertThat(OncePerRecipient.addressProblem(null)).isEqualTo("No e-mail address");
        assertThat(OncePerRecipient.addressProblem("  ")).isEqualTo("No e-mail address");
        assertThat(OncePerRecipient.addressProblem("not-an-address")).isEqualTo("Invalid e-mail address 'not-an-address'");
        assertThat(OncePerRecipient.addressProblem("someone@localhost")).isEqualTo("Invalid e-mail address 'someone@localhost'");
        assertThat(OncePerRecipient.addressProblem("two words@example.org")).startsWith("Invalid e-mail address");
        assertThat(OncePerRecipient.addressProblem("anna@stc.example.org")).isNull();
        assertThat(OncePerRecipient.problemWith(new Recipient("Broken", "x@y", null))).isEqualTo("Broken: Invalid e-mail address 'x@y'");
    }

    // ------------------------------------------------------------------ the service applying it

    @Test
    void aJobRetriedAfterAPartialFailureSendsOnlyWhatWasNotSent() {
        InMemoryLog log = new InMemoryLog();
        FlakySender sender = new FlakySender();
        NotificationService service = service(log, sender);
        sender.failFor.add("leila@stc.example.org");

        assertThatThrownBy(() -> service.send("endorsement-partner-body-reminder", "CMS-TEST-9", List.of(ANNA, LEILA, DIEGO),
                MODEL, "pi/step/1", "pi"))
                .isInstanceOf(NotificationDeliveryException.class).hasMessageContaining("1 of 3 e-mails");
        assertThat(sender.delivered).containsExactly("anna@stc.example.org", "diego@stc.example.org");
        assertThat(log.statuses.get("pi/step/1/leila@stc.example.org")).isEqualTo(NotificationStatus.FAILED);

        sender.failFor.clear();
        NotificationService.Outcome retry = service.send("endorsement-partner-body-reminder", "CMS-TEST-9",
                List.of(ANNA, LEILA, DIEGO), MODEL, "pi/step/1", "pi");
        assertThat(retry.sent()).isEqualTo(1);
        assertThat(retry.skipped()).isEqualTo(2);
        assertThat(sender.delivered).containsExactly("anna@stc.example.org", "diego@stc.example.org", "leila@stc.example.org");
        assertThat(log.attempts.get("pi/step/1/leila@stc.example.org")).isEqualTo(2);
        assertThat(log.attempts.get("pi/step/1/anna@stc.example.org")).isEqualTo(1);

        NotificationService.Outcome nextRound = service.send("endorsement-partner-body-reminder", "CMS-TEST-9",
                List.of(ANNA), MODEL, "pi/step/2", "pi");
        assertThat(nextRound.sent()).as("the step's next pass is a new notification").isEqualTo(1);
    }

    @Test
    void aRecipientNamedTwiceInOneRoundIsSentOnce() {
        InMemoryLog log = new InMemoryLog();
        FlakySender sender = new FlakySender();
        NotificationService service = service(log, sender);
        Recipient annaAgain = new Recipient("A. Keller", " Anna@STC.example.org ", Language.EN);

        NotificationService.Outcome outcome = service.send("endorsement-partner-body-reminder", "CMS-TEST-9",
                List.of(ANNA, DIEGO, annaAgain), MODEL, "pi/step/1", "pi");

        assertThat(outcome.sent()).isEqualTo(2);
        assertThat(outcome.skipped()).as("settled earlier in the same round").isEqualTo(1);
        assertThat(sender.delivered).containsExactly("anna@stc.example.org", "diego@stc.example.org");
        assertThat(log.attempts.get("pi/step/1/anna@stc.example.org")).isEqualTo(1);
    }

    @Test
    void invalidRecipientsAreReportedOnEveryAttemptAndNeverSent() {
        InMemoryLog log = new InMemoryLog();
        FlakySender sender = new FlakySender();
        NotificationService service = service(log, sender);
        List<Recipient> recipients = List.of(new Recipient("No Address", null, Language.EN),
                new Recipient("Broken Address", "not-an-address", Language.FR), ANNA);

        NotificationService.Outcome first = service.send("endorsement-partner-body-reminder", "CMS-TEST-9", recipients,
                MODEL, "pi/step/1", "pi");
        assertThat(first.sent()).isEqualTo(1);
        assertThat(first.problems()).containsExactly("No Address: No e-mail address",
                "Broken Address: Invalid e-mail address 'not-an-address'");
        assertThat(log.statuses).containsEntry("pi/step/1/name:No Address", NotificationStatus.INVALID_RECIPIENT)
                .containsEntry("pi/step/1/not-an-address", NotificationStatus.INVALID_RECIPIENT);

        NotificationService.Outcome again = service.send("endorsement-partner-body-reminder", "CMS-TEST-9", recipients,
                MODEL, "pi/step/1", "pi");
        assertThat(again.sent()).isZero();
        assertThat(again.skipped()).isEqualTo(3);
        assertThat(again.problems()).hasSize(2);
        assertThat(sender.delivered).containsExactly("anna@stc.example.org");
    }

    @Test
    void withoutAMailServerMessagesAreRenderedAndKept() {
        InMemoryLog log = new InMemoryLog();
        NotificationService service = new NotificationService(new MailTemplates(), log,
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "from@cms.example.org",
                "http://localhost");
        NotificationService.Outcome outcome = service.send("endorsement-partner-body-reminder", "CMS-TEST-9",
                List.of(ANNA, LEILA), MODEL, "pi/step/1", "pi");
        assertThat(outcome.rendered()).isEqualTo(2);
        assertThat(log.statuses.values()).containsOnly(NotificationStatus.RENDERED);
        assertThat(service.send("endorsement-partner-body-reminder", "CMS-TEST-9", List.of(ANNA, LEILA), MODEL,
                "pi/step/1", "pi").skipped()).isEqualTo(2);
    }

    private static NotificationService service(InMemoryLog log, FlakySender sender) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        return new NotificationService(new MailTemplates(), log, beans.getBeanProvider(JavaMailSender.class),
                "from@cms.example.org", "http://localhost");
    }

    /** The log as the rule sees it: a status and an attempt count per message key. */
    static final class InMemoryLog implements DeliveryLog {
        final Map<String, NotificationStatus> statuses = new HashMap<>();
        final Map<String, Integer> attempts = new HashMap<>();

        @Override
        public Optional<NotificationStatus> statusOf(String messageKey) {
            return Optional.ofNullable(statuses.get(messageKey));
        }

        @Override
        public void record(NotificationLog.Entry entry, NotificationStatus status, String error) {
            statuses.put(entry.dedupKey(), status);
            attempts.merge(entry.dedupKey(), 1, Integer::sum);
        }
    }

    /** Builds real messages, delivers nowhere, refuses chosen addresses. */
    static final class FlakySender extends JavaMailSenderImpl {
        final Set<String> failFor = new HashSet<>();
        final List<String> delivered = new ArrayList<>();

        @Override
        public void send(MimeMessage... messages) {
            for (MimeMessage message : messages) {
                String to;
                try {
                    to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                if (failFor.contains(to)) {
                    throw new MailSendException("Simulated refusal for " + to);
                }
                delivered.add(to);
            }
        }
    }
}
