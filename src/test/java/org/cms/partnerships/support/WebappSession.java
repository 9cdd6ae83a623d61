package org.cms.partnerships.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A browser's session with the Camunda webapps: logged in through the login page's own call, with the
 * session cookie and the CSRF token, calling what Tasklist calls ({@code /camunda/api/engine/...}).
 */
public final class WebappSession {

    private final TestRestTemplate rest;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpStatus loginStatus;

    private WebappSession(TestRestTemplate rest, String user, String password, String app) {
        this.rest = rest;
        keep(rest.getForEntity("/camunda/app/" + app + "/", String.class));
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", password);
        ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app,
                HttpMethod.POST, new HttpEntity<>(form, headers(MediaType.APPLICATION_FORM_URLENCODED)), String.class);
        keep(login);
        loginStatus = HttpStatus.valueOf(login.getStatusCode().value());
        // The login starts a new session; like the app, the first request after it fetches that session's CSRF token.
        keep(rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
                new HttpEntity<>(headers(MediaType.APPLICATION_JSON)), String.class));
    }

    /** Logs {@code user} (password = user id, as in the demo) in to {@code app} (tasklist, cockpit, admin). */
    public static WebappSession login(TestRestTemplate rest, String user, String app) {
        return new WebappSession(rest, user, user, app);
    }

    public HttpStatus loginStatus() {
        return loginStatus;
    }

    /** POSTs JSON to the webapps' engine API, e.g. {@code engine/default/task/{id}/submit-form}. */
    public ResponseEntity<JsonNode> postToEngine(String path, String json) {
        ResponseEntity<JsonNode> response = rest.exchange("/camunda/api/engine/" + path, HttpMethod.POST,
                new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)), JsonNode.class);
        keep(response);
        return response;
    }

    /** GETs from the webapps' engine API, e.g. {@code engine/default/task/{id}/form-variables}. */
    public ResponseEntity<JsonNode> getFromEngine(String path) {
        ResponseEntity<JsonNode> response = rest.exchange("/camunda/api/engine/" + path, HttpMethod.GET,
                new HttpEntity<>(headers(MediaType.APPLICATION_JSON)), JsonNode.class);
        keep(response);
        return response;
    }

    /** GETs any path of the application with this session (register pages, exports, the API's reads). */
    public ResponseEntity<byte[]> get(String path) {
        ResponseEntity<byte[]> response = rest.exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers(MediaType.APPLICATION_JSON)), byte[].class);
        keep(response);
        return response;
    }

    /** Any call to the webapps' engine API with a raw body (null for none), answered as text. */
    public ResponseEntity<String> exchangeWithEngine(HttpMethod method, String path, String body, MediaType type) {
        ResponseEntity<String> response = rest.exchange("/camunda/api/engine/" + path, method,
                new HttpEntity<>(body, headers(type)), String.class);
        keep(response);
        return response;
    }

    /** POSTs JSON to any path of the application with this session's cookies and CSRF token. */
    public ResponseEntity<String> post(String path, String json) {
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.POST,
                new HttpEntity<>(json, headers(MediaType.APPLICATION_JSON)), String.class);
        keep(response);
        return response;
    }

    private HttpHeaders headers(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL));
        List<String> pairs = new ArrayList<>();
        cookies.forEach((name, value) -> pairs.add(name + "=" + value));
        if (!pairs.isEmpty()) {
            headers.add(HttpHeaders.COOKIE, String.join("; ", pairs));
        }
        String csrf = cookies.get("XSRF-TOKEN");
        if (csrf != null) {
            headers.add("X-XSRF-TOKEN", csrf);
        }
        return headers;
    }

    private void keep(ResponseEntity<?> response) {
        for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }
}
