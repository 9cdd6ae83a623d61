package org.cms.partnerships.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.security.Groups;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Demo only: moves the engine's clock (and with it the register's) so that a demo can reach a
 * meeting day, a deadline or a review date without waiting for it. Timers that fall due are then
 * picked up by the job executor within seconds. Managers and administrators only.
 */
@RestController
@RequestMapping("/api/demo/clock")
@Profile("demo")
public class DemoClockApi {

    private final IdentityService identity;

    public DemoClockApi(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping
    public Map<String, Object> now() {
        return Map.of("today", RegisterClock.today().toString(), "now", RegisterClock.now().toString());
    }

    /**
     * Moves the clock to 10:00 (Bonn) on the given day and lets it run on from there; only forward,
     * so no timer fires twice.
     */
    @PutMapping
    public Map<String, Object> moveTo(@RequestParam LocalDate date) {
        requireManager();
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
    public Map<String, Object> reset() {
        requireManager();
        ClockUtil.reset();
        return now();
    }

    private void requireManager() {
        Authentication current = identity.getCurrentAuthentication();
        boolean allowed = current != null && current.getGroupIds() != null
                && (current.getGroupIds().contains(Groups.MANAGERS) || current.getGroupIds().contains(Groups.CAMUNDA_ADMIN));
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only managers and administrators move the demo clock");
        }
    }
}
