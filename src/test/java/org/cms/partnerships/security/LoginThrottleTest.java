package org.cms.partnerships.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Wrong passwords slow down the client that sends them, not the account: while an attacker tries the
 * administrator's password from one address (behind the proxy, as the proxy forwards it), the administrator signs
 * in from another, on HTTP Basic and in the webapps' login, every time; the attacker gets 429 with Retry-After.
 */
@CmsIntegrationTest
class LoginThrottleTest {

    static final String ATTACKER = "203.0.113.66";
    static final String OWNER = "198.51.100.7";

    @Autowired TestRestTemplate rest;
    @Autowired LoginThrottle throttle;

    @AfterEach
    void forget() {
        throttle.forgetAll();
    }

    @Test
    void theRightPasswordWorksWhileWrongOnesAreTriedAndTheGuesserIsRefused() {
        List<Integer> attacker = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int attempt = 0; attempt < 8; attempt++) {
            attacker.add(basic(ATTACKER, "admin", "guess-" + attempt).getStatusCode().value());
            owner.add(basic(OWNER, "admin", "admin").getStatusCode().value());
            owner.add(webappLogin(OWNER, "admin", "admin"));
        }
        System.out.printf("Login throttle: attacker %s, owner %s%n", attacker, owner);
        assertThat(owner).as("the administrator, from elsewhere").containsOnly(200);
        assertThat(attacker.subList(0, 3)).containsOnly(401);
        assertThat(attacker.subList(3, 8)).contains(429).doesNotContain(200);

        ResponseEntity<String> refused = basic(ATTACKER, "admin", "admin");
        assertThat(refused.getStatusCode().value()).as("even the right password waits on that address").isEqualTo(429);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(refused.getBody()).contains("Too many failed sign-ins from this address");
    }

    @Test
    void theWebappsLoginIsThrottledTheSameWay() {
        List<Integer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 6; attempt++) {
            answers.add(webappLogin(ATTACKER, "marc", "wrong-" + attempt));
        }
        assertThat(answers.subList(0, 3)).containsOnly(401);
        assertThat(answers).contains(429);
        assertThat(webappLogin(OWNER, "marc", "marc")).isEqualTo(200);
    }

    @Test
    void tryingManyUserNamesFromOneAddressIsThrottledToo() {
        List<Integer> answers = new ArrayList<>();
        for (int attempt = 0; attempt < 24; attempt++) {
            answers.add(basic(ATTACKER, "user" + attempt, "wrong").getStatusCode().value());
        }
        assertThat(answers.subList(0, 20)).containsOnly(401);
        assertThat(answers.subList(20, 24)).contains(429);
        assertThat(basic(OWNER, "oliver", "oliver").getStatusCode().value()).isEqualTo(200);
    }

    private ResponseEntity<String> basic(String from, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Forwarded-For", from);
        return rest.withBasicAuth(user, password).exchange("/api/committee-members", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    private int webappLogin(String from, String user, String password) {
        ResponseEntity<String> first = rest.getForEntity("/camunda/app/tasklist/", String.class);
        List<String> cookies = first.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList();
        String csrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .map(c -> c.substring("XSRF-TOKEN=".length())).orElseThrow();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        headers.add("X-XSRF-TOKEN", csrf);
        headers.add("X-Forwarded-For", from);
        return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class).getStatusCode().value();
    }
}
