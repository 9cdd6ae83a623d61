package org.cms.partnerships.pages;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.Language;

/** How the pages write dates, times and codes: Bonn time, ISO dates, "IN_FORCE" as "In force". */
public final class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(RegisterClock.SECRETARIAT_ZONE));
    }

    /** A working language by its English name: FR "French". */
    public String language(Language language) {
        return language == null ? "" : switch (language) {
            case EN -> "English";
            case FR -> "French";
            case ES -> "Spanish";
        };
    }

    /** An enum constant or code as words: IN_FORCE "In force", UN_AGENCY_IGO "UN agency / IGO". */
    public String label(Object code) {
        if (code == null) {
            return "";
        }
        String name = code.toString();
        if ("UN_AGENCY_IGO".equals(name)) {
            return "UN agency / IGO";
        }
        if ("MEA".equals(name) || "NGO".equals(name)) {
            return name;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
