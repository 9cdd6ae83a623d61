package org.cms.partnerships.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo only: moves the engine's clock (and with it the register's) so that a demo can reach a
 * meeting day, a deadline or a review date without waiting for it. Timers that fall due are then
 * picked up by the job executor within seconds. Managers and administrators only ({@link AllowedTo}).
 */
@RestController
@RequestMapping("/api/demo/clock")
@Profile("demo")
public class DemoClockApi {

    @GetMapping
    public Map<String, Object> now() {
        return Map.of("today", RegisterClock.today().toString(), "now", RegisterClock.now().toString());
    }

    /**
     * Moves the clock to 10:00 (Bonn) on the given day and lets it run on from there; only forward,
     * so no timer fires twice.
     */
    @PutMapping
    @AllowedTo(groups = {Groups.MANAGERS}, action = "move the demo clock")
    public Map<String, Object> moveTo(@RequestParam LocalDate date) {
        if (date.isBefore(RegisterClock.today())) {
            throw new ConflictException("The demo clock only moves forward (today is %s)".formatted(RegisterClock.today()));
        }
        Date target = RegisterClock.at(date, LocalTime.of(10, 0));
        if (target.after(ClockUtil.getCurrentTime())) {
            ClockUtil.reset();
            ClockUtil.offset(target.getTime() - System.currentTimeMillis());
        }
        return now();
    }

    @DeleteMapping
    @AllowedTo(groups = {Groups.MANAGERS}, action = "move the demo clock")
    public Map<String, Object> reset() {
        ClockUtil.reset();
        return now();
    }

}
