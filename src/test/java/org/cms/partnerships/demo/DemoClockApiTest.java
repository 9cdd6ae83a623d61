package org.cms.partnerships.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The demo clock moves the engine's and the register's time forward, for managers only. */
@CmsIntegrationTest
class DemoClockApiTest {

    @Autowired TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aManagerMovesTheClockForwardAndBack() {
        LocalDate target = LocalDate.now().plusDays(45);
        ResponseEntity<JsonNode> moved = rest.withBasicAuth("marc", "marc")
                .exchange("/api/demo/clock?date=" + target, HttpMethod.PUT, null, JsonNode.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody().get("today").asText()).isEqualTo(target.toString());
        assertThat(RegisterClock.today()).isEqualTo(target);

        ResponseEntity<String> backwards = rest.withBasicAuth("marc", "marc")
                .exchange("/api/demo/clock?date=" + LocalDate.now(), HttpMethod.PUT, null, String.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        rest.withBasicAuth("marc", "marc").delete("/api/demo/clock");
        assertThat(RegisterClock.today()).isEqualTo(LocalDate.now(RegisterClock.SECRETARIAT_ZONE));
    }

    @Test
    void anOfficerCannotMoveTheClock() {
        ResponseEntity<String> refused = rest.withBasicAuth("oliver", "oliver")
                .exchange("/api/demo/clock?date=" + LocalDate.now().plusDays(3), HttpMethod.PUT, null, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(RegisterClock.today()).isEqualTo(LocalDate.now(RegisterClock.SECRETARIAT_ZONE));
    }
}
