package org.cms.partnerships.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
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

    /** That time of that day in Bonn, as the engine's timers want it (timeDate expressions). */
    public static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(SECRETARIAT_ZONE).toInstant());
    }
}
