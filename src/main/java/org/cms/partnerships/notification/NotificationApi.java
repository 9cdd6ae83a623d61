package org.cms.partnerships.notification;

import java.util.List;
import org.cms.partnerships.security.RegisterReadAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The notification log for people: JSON under /api/notifications and a readable page at
 * /notifications (both behind HTTP Basic), so a demo shows what committee members would receive.
 * Each user reads the lines {@link RegisterReadAccess} allows (a Family secretariat: its own e-mails).
 */
@Controller
public class NotificationApi {

    private final NotificationLog notificationLog;
    private final RegisterReadAccess access;
    private final NotificationReaders readers;

    public NotificationApi(NotificationLog notificationLog, RegisterReadAccess access, NotificationReaders readers) {
        this.notificationLog = notificationLog;
        this.access = access;
        this.readers = readers;
    }

    @GetMapping("/api/notifications")
    @ResponseBody
    public List<Notification> list(@RequestParam(required = false) String reference,
                                   @RequestParam(required = false) NotificationStatus status,
                                   @RequestParam(required = false) String template,
                                   @RequestParam(defaultValue = "200") int limit) {
        return notificationLog.page(reference, status, template, readers.current(), 0,
                Math.max(1, Math.min(limit, 1000))).items();
    }

    @GetMapping("/api/notifications/{id}")
    @ResponseBody
    public Notification get(@PathVariable long id) {
        return access.readable(notificationLog.get(id));
    }

    @GetMapping("/notifications")
    public String page(@RequestParam(required = false) String reference,
                       @RequestParam(required = false) NotificationStatus status, Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("status", status);
        model.addAttribute("notifications", notificationLog.page(reference, status, null, readers.current(), 0, 500).items());
        return "notifications";
    }
}
