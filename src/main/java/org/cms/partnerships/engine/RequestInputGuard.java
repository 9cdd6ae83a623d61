package org.cms.partnerships.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any API reads it, what no field of ours accepts and what would otherwise fail deep inside
 * the engine or the database with a 500 (issue 14), on the register API, the engine REST API and the webapps'
 * engine API alike:
 * <ul>
 *   <li>control characters such as NUL in the address or the body (PostgreSQL cannot keep them);</li>
 *   <li>a JSON body that does not parse (the parser's own message names Java classes and "Source: ...");</li>
 *   <li>a body over {@value #MAX_BODY_BYTES} bytes;</li>
 *   <li>on the engine APIs, a {@code Json} variable whose value is not JSON (it was stored, and then the task
 *       could be neither read nor completed), and an {@code Object} variable other than a JSON list or map of
 *       plain values (Java-serialized objects and unknown classes).</li>
 * </ul>
 * Each refusal is a 400 naming the field (the variable, or the place in the body) and the problem, in the
 * shape of the API it answers for: Problem Details on {@code /api}, Camunda's {@code type}/{@code message} on
 * the engine APIs.
 */
public class RequestInputGuard extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** The classes an {@code Object} variable may be, as Spin names them (generic parameters included). */
    private static final Set<String> PLAIN_CLASSES = Set.of("java.util.ArrayList", "java.util.LinkedList",
            "java.util.List", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.Map", "java.util.TreeMap",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean",
            "java.lang.Object");
    private static final Pattern CLASS_NAMES = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    private final ObjectMapper json = new ObjectMapper();
    /** Variables naming a process's records ({@link RecordIdentity}): no variables call may set them. */
    private final Set<String> sealed;

    RequestInputGuard(Set<String> sealed) {
        this.sealed = Set.copyOf(sealed);
    }

    /** Engine calls that read a JSON object: an empty or {@code null} body is refused instead of failing inside. */
    private static final Pattern NEEDS_BODY = Pattern.compile(
            ".*/(complete|submit-form|start|message|variables(/[^/]+)?|localVariables(/[^/]+)?|modification|claim|assignee"
                    + "|delegate|resolve|identity-links|correlate)$");
    /** Variable maps in engine request bodies. */
    private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
            "processVariablesLocal", "localVariables", "correlationKeys", "localCorrelationKeys");
    /** Ids and keys the engine keeps in 255 characters (64 for user and group ids). */
    private static final Map<String, Integer> ID_LENGTHS = Map.of("businessKey", 255, "userId", 64, "groupId", 64,
            "assignee", 64, "owner", 64, "tenantId", 64, "messageName", 255);
    private static final Set<String> VALUE_TYPES = Set.of("string", "boolean", "integer", "short", "long", "double",
            "date", "bytes", "file", "null", "json", "object");
    private static final Pattern ENGINE_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})?");

    /** In front of every API of the application. */
    @Configuration
    public static class Registration {
        @Bean
        FilterRegistrationBean<RequestInputGuard> requestInputGuard(java.util.List<RecordIdentity> identities) {
            Set<String> sealed = identities.stream().flatMap(i -> i.variables().stream())
                    .map(org.cms.partnerships.engine.variables.ProcessVariable::name).collect(java.util.stream.Collectors.toSet());
            FilterRegistrationBean<RequestInputGuard> registration = new FilterRegistrationBean<>(new RequestInputGuard(sealed));
            registration.setName("request-input-guard");
            registration.addUrlPatterns("/api/*", "/notifications", "/engine-rest/*", "/camunda/api/*");
            registration.setOrder(Ordered.LOWEST_PRECEDENCE);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean engineApi = request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest")
                || request.getRequestURI().startsWith(request.getContextPath() + "/camunda/api/engine");
        Optional<String> inAddress = controlInAddress(request);
        if (inAddress.isPresent()) {
            refuse(response, engineApi, inAddress.get());
            return;
        }
        Matcher deleted = Pattern.compile(".*/(?:variables|localVariables)/([^/]+)$").matcher(request.getRequestURI());
        if (engineApi && "DELETE".equals(request.getMethod()) && deleted.matches()
                && sealed.contains(URLDecoder.decode(deleted.group(1), StandardCharsets.UTF_8))) {
            refuse(response, true, sealedMessage(URLDecoder.decode(deleted.group(1), StandardCharsets.UTF_8)));
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        boolean hasBody = Set.of("POST", "PUT", "PATCH").contains(request.getMethod())
                && !type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/");
        if (!hasBody) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, engineApi, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "The request is larger than %d MB; send less at a time".formatted(MAX_BODY_BYTES / (1024 * 1024)));
            return;
        }
        Optional<String> problem = type.contains("json") ? checkJson(body, engineApi, lastSegment(request))
                : controlIn(new String(body, StandardCharsets.UTF_8), "The request");
        if (problem.isEmpty() && engineApi) {
            problem = checkEngineCall(request, body, type.contains("json"));
        }
        if (problem.isPresent()) {
            refuse(response, engineApi, problem.get());
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    // ------------------------------------------------------------------ checks

    private static Optional<String> controlInAddress(HttpServletRequest request) {
        String raw = (request.getRequestURI() == null ? "" : request.getRequestURI())
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.of("The address is not correctly encoded (a '%' must be followed by two hexadecimal digits)");
        }
        if (!CONTROL.matcher(decoded).find()) {
            return Optional.empty();
        }
        if (request.getQueryString() != null) {
            for (String pair : request.getQueryString().split("&")) {
                String[] parts = pair.split("=", 2);
                String value = parts.length > 1 ? URLDecoder.decode(parts[1].replace("+", "%2B"), StandardCharsets.UTF_8) : "";
                if (CONTROL.matcher(value).find()) {
                    return Optional.of("Parameter '%s' contains a control character (such as NUL); remove it"
                            .formatted(URLDecoder.decode(parts[0], StandardCharsets.UTF_8)));
                }
            }
        }
        return Optional.of("The address contains a control character (such as NUL); remove it");
    }

    private static Optional<String> controlIn(String text, String where) {
        Matcher control = CONTROL.matcher(text);
        if (!control.find()) {
            return Optional.empty();
        }
        int line = (int) text.substring(0, control.start()).chars().filter(c -> c == '\n').count() + 1;
        return Optional.of("%s contains a control character (such as NUL) on line %d; remove it".formatted(where, line));
    }

    private Optional<String> checkJson(byte[] body, boolean engineApi, String lastSegment) {
        if (body.length == 0) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            String why = String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\(?start marker at \\[Source:[^]]*][^)]*\\)?", "")
                    .replaceAll("\\s*at \\[Source:.*", "").replaceAll("\\(code \\d+\\)", "").trim();
            String at = e.getLocation() == null ? "" : " (line %d, column %d)".formatted(e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr());
            return Optional.of("The request body is not valid JSON%s: %s".formatted(at, why));
        } catch (IOException e) {
            return Optional.of("The request body could not be read");
        }
        return root == null ? Optional.empty() : check(root, "", engineApi, lastSegment);
    }

    /** Walks the body: text with control characters anywhere, and on the engine APIs every variable it carries. */
    private Optional<String> check(JsonNode node, String path, boolean engineApi, String variableName) {
        if (node.isTextual()) {
            return CONTROL.matcher(node.textValue()).find()
                    ? Optional.of("'%s' contains a control character (such as NUL); remove it".formatted(
                            path.isEmpty() ? "The request body" : path))
                    : Optional.empty();
        }
        if (engineApi && node.isObject() && node.path("type").isTextual() && node.has("value")) {
            Optional<String> variable = checkVariable(node, variableName);
            if (variable.isPresent()) {
                return variable;
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Optional<String> found = check(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        engineApi, field.getKey());
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = check(node.get(i), path + "[" + i + "]", engineApi, variableName);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkVariable(JsonNode variable, String name) {
        String type = variable.path("type").textValue();
        JsonNode value = variable.get("value");
        Optional<String> typed = checkTypedValue(type, value);
        if (typed.isPresent()) {
            return Optional.of("Variable '%s': %s".formatted(name, typed.get()));
        }
        if (type.equalsIgnoreCase("Json")) {
            return value.isNull() || value.isTextual() && parses(value.textValue()) ? Optional.empty()
                    : Optional.of("Variable '%s': the value is not valid JSON; send it as text that parses as JSON"
                            .formatted(name));
        }
        if (type.equalsIgnoreCase("Object")) {
            JsonNode info = variable.path("valueInfo");
            String format = info.path("serializationDataFormat").asText("");
            String className = info.path("objectTypeName").asText("");
            boolean plainJson = format.equals("application/json") && !className.isEmpty()
                    && classNames(className).allMatch(PLAIN_CLASSES::contains)
                    && (value.isNull() || value.isTextual() && parses(value.textValue()));
            if (!plainJson) {
                return Optional.of(("Variable '%s': an Object value is accepted only as a JSON list or map of plain values; "
                        + "send text, a number, yes or no, a date, or JSON (type Json)").formatted(name));
            }
        }
        return Optional.empty();
    }

    /** A value the engine could not convert to its declared type, in words. */
    private static Optional<String> checkTypedValue(String type, JsonNode value) {
        String kind = type.toLowerCase(java.util.Locale.ROOT);
        if (kind.equals("xml")) {
            return Optional.of("XML values are not accepted; send text or JSON");
        }
        if (!VALUE_TYPES.contains(kind)) {
            return Optional.of("'%s' is not a value type; use String, Boolean, Integer, Long, Double, Date or Json"
                    .formatted(type.length() > 40 ? type.substring(0, 40) + "…" : type));
        }
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isTextual() ? value.textValue().trim() : value.isValueNode() ? value.asText() : null;
        boolean ok = switch (kind) {
            case "integer", "short", "long" -> text != null && text.matches("-?\\d{1,18}(\\.0+)?")
                    && inRange(kind, new java.math.BigDecimal(text).longValue());
            case "double" -> text != null && text.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
            case "boolean" -> value.isBoolean() || text != null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"));
            case "date" -> text != null && ENGINE_DATE.matcher(text).matches();
            case "bytes" -> text != null && text.matches("[A-Za-z0-9+/=\\s]*");
            case "string" -> value.isValueNode();
            default -> true;
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(switch (kind) {
            case "integer", "short", "long" -> "the value is not a whole number of type " + type;
            case "double" -> "the value is not a number";
            case "boolean" -> "the value is not true or false";
            case "date" -> "the value is not a date-time such as 2027-12-31T00:00:00.000+0100";
            case "bytes" -> "the value is not Base64 text";
            default -> "the value must be text, a number or true/false, not a list or an object";
        });
    }

    private static boolean inRange(String kind, long number) {
        return switch (kind) {
            case "integer" -> number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
            case "short" -> number >= Short.MIN_VALUE && number <= Short.MAX_VALUE;
            default -> true;
        };
    }

    /**
     * The engine call's own shape: a body where one is read, variable maps of {@code {"value": ..., "type": ...}}
     * objects, ids within what the engine keeps, and no variables call on a record's identity.
     */
    private Optional<String> checkEngineCall(HttpServletRequest request, byte[] body, boolean isJson) throws IOException {
        String uri = request.getRequestURI();
        JsonNode root = isJson && body.length > 0 ? json.readTree(body) : null;
        if (NEEDS_BODY.matcher(uri).matches() && (root == null || root.isNull()) && isJson) {
            return Optional.of("The request body is missing: send a JSON object ({} when there is nothing to send)");
        }
        if (root == null) {
            return Optional.empty();
        }
        if (NEEDS_BODY.matcher(uri).matches() && !root.isObject()) {
            return Optional.of("The request body must be a JSON object");
        }
        Matcher single = Pattern.compile(".*/(?:variables|localVariables)/([^/]+)$").matcher(uri);
        if (single.matches()) {
            String name = URLDecoder.decode(single.group(1), StandardCharsets.UTF_8);
            if (sealed.contains(name)) {
                return Optional.of(sealedMessage(name));
            }
            if (!root.isObject() || !root.has("value") && !root.has("type")) {
                return Optional.of("Variable '%s' must be sent as {\"value\": ..., \"type\": ...}".formatted(name));
            }
        }
        // Queries carry lists under the same names ("processVariables": [{"name": ..., "operator": ...}]): only the
        // calls that write variables are held to the shape of a variable map.
        return NEEDS_BODY.matcher(uri).matches() ? checkShape(root, uri.matches(".*/(variables|localVariables)$"))
                : Optional.empty();
    }

    private Optional<String> checkShape(JsonNode node, boolean variablesCall) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Integer max = ID_LENGTHS.get(field.getKey());
            if (max != null && field.getValue().isTextual() && field.getValue().textValue().length() > max) {
                return Optional.of("'%s' is %d characters long; at most %d fit".formatted(field.getKey(),
                        field.getValue().textValue().length(), max));
            }
            if (VARIABLE_MAPS.contains(field.getKey()) && !field.getValue().isNull()) {
                if (!field.getValue().isObject()) {
                    return Optional.of("'%s' must be a JSON object of variables, each {\"value\": ..., \"type\": ...}"
                            .formatted(field.getKey()));
                }
                for (Iterator<Map.Entry<String, JsonNode>> variables = field.getValue().fields(); variables.hasNext(); ) {
                    Map.Entry<String, JsonNode> variable = variables.next();
                    if (!variable.getValue().isObject()) {
                        return Optional.of("Variable '%s' must be sent as {\"value\": ..., \"type\": ...}"
                                .formatted(variable.getKey()));
                    }
                    if (variablesCall && sealed.contains(variable.getKey())) {
                        return Optional.of(sealedMessage(variable.getKey()));
                    }
                }
            }
        }
        if (variablesCall && node.path("deletions").isArray()) {
            for (JsonNode deletion : node.path("deletions")) {
                if (sealed.contains(deletion.asText())) {
                    return Optional.of(sealedMessage(deletion.asText()));
                }
            }
        }
        return Optional.empty();
    }

    private static String sealedMessage(String name) {
        return "%s is set when the process starts and cannot be changed".formatted(name);
    }

    private static java.util.stream.Stream<String> classNames(String typeName) {
        Matcher names = CLASS_NAMES.matcher(typeName);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (names.find()) {
            found.add(names.group());
        }
        String rest = CLASS_NAMES.matcher(typeName).replaceAll("").replaceAll("[<>,\\s]", "");
        return rest.isEmpty() ? found.stream() : java.util.stream.Stream.of("?");
    }

    private boolean parses(String text) {
        try {
            json.readTree(text);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastSegment(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    // ------------------------------------------------------------------ answers

    private void refuse(HttpServletResponse response, boolean engineApi, String problem) throws IOException {
        refuse(response, engineApi, HttpServletResponse.SC_BAD_REQUEST, problem);
    }

    private void refuse(HttpServletResponse response, boolean engineApi, int status, String problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (engineApi) {
            body.put("type", "InvalidRequestException");
            body.put("message", problem);
            response.setContentType("application/json");
        } else {
            body.put("type", "about:blank");
            body.put("title", status == HttpServletResponse.SC_BAD_REQUEST ? "Bad Request" : "Content Too Large");
            body.put("status", status);
            body.put("detail", problem);
            response.setContentType("application/problem+json");
        }
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** The request with its body read once and handed on unchanged. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
