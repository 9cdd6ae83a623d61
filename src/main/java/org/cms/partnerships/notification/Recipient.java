package org.cms.partnerships.notification;

import org.cms.partnerships.register.Language;

/** Someone to write to: a committee member, a partner's focal point or a member of staff. */
public record Recipient(String name, String email, Language language) {

    public Recipient {
        language = language == null ? Language.EN : language;
    }

    /** What identifies this recipient within one notification, for sending once only. */
    String key() {
        return email != null && !email.isBlank() ? email.trim().toLowerCase() : "name:" + name;
    }
}
