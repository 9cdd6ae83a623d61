package org.cms.partnerships.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * The rules of one notification round, free of mail server and database so they are unit-tested:
 * each recipient's message has a key (the notification's key plus the recipient); a message already
 * sent, rendered or reported invalid under that key is settled and never sent again, so a job retried
 * after a partial failure sends only what failed; an address that cannot be written to is reported,
 * not skipped in silence.
 */
final class OncePerRecipient {

    /** What a round does for one recipient. */
    enum Action {
        /** Settled in an earlier attempt: nothing to do. */
        SKIP,
        /** Reported invalid in an earlier attempt: nothing to send, reported again. */
        SKIP_AND_REPORT,
        /** Not settled: render, check the address, send. */
        SEND
    }

    private OncePerRecipient() {
    }

    /** The key of one recipient's message within the notification {@code key}: same on a retry. */
    static String messageKey(String key, Recipient recipient) {
        return key + "/" + recipient.key();
    }

    static Action actionFor(Optional<NotificationStatus> previous) {
        if (previous.isEmpty() || !previous.get().isSettled()) {
            return Action.SEND;
        }
        return previous.get() == NotificationStatus.INVALID_RECIPIENT ? Action.SKIP_AND_REPORT : Action.SKIP;
    }

    /** Why nobody can write to {@code email}, or null when it is a usable address. */
    static String addressProblem(String email) {
        if (email == null || email.isBlank()) {
            return "No e-mail address";
        }
        try {
            InternetAddress address = new InternetAddress(email.trim(), true);
            address.validate();
            if (!email.substring(email.indexOf('@') + 1).contains(".")) {
                return "Invalid e-mail address '" + email + "'";
            }
            return null;
        } catch (AddressException e) {
            return "Invalid e-mail address '" + email + "'";
        }
    }

    /** "Broken Address: Invalid e-mail address 'not-an-address'", for the process's problem list. */
    static String problemWith(Recipient recipient) {
        return recipient.name() + ": " + addressProblem(recipient.email());
    }
}
