package org.cms.partnerships.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the demo where to go and how to log in. */
@Component
@Profile("demo")
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    @Value("${camunda.bpm.admin-user.id}")
    private String adminId;

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        // The port is known only once the server runs (it may be random).
        String baseUrl = "http://localhost:" + event.getApplicationContext().getEnvironment()
                .getProperty("local.server.port", "8080");
        StringBuilder text = new StringBuilder()
                .append("\n\n  CMS Partnerships is ready at ").append(baseUrl).append("/camunda/app/tasklist/\n")
                .append("  Cockpit: ").append(baseUrl).append("/camunda/app/cockpit/   Admin: ")
                .append(baseUrl).append("/camunda/app/admin/\n")
                .append("  Register API: ").append(baseUrl).append("/api/agreements   Engine REST: ")
                .append(baseUrl).append("/engine-rest/ (HTTP Basic)\n")
                .append("  Demo logins (password = user id):\n");
        DemoUsers.USERS.forEach(u -> text.append(String.format("    %-10s %s%n", u.id(), u.group())));
        text.append(String.format("    %-10s camunda-admin (password: admin unless CMS_ADMIN_PASSWORD is set)%n", adminId));
        log.info(text.toString());
    }
}
