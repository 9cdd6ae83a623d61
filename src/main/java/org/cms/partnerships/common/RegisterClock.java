package org.cms.partnerships.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" for the register, taken from the engine's clock so that a test (or a demo) moving the engine
 * clock with ClockUtil sees timers and register dates agree.
 */
public final class RegisterClock {

    /** The Secretariat sits in Bonn; register dates are calendar days there. */
    public static final ZoneId SECRETARIAT_ZONE = ZoneId.of("Europe/Berlin");

    private RegisterClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), SECRETARIAT_ZONE);
    }
}
