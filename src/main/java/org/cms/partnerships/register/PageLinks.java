package org.cms.partnerships.register;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriUtils;

/**
 * The {@code Link} header of a paged list (RFC 8288): first, previous, next and last page, each with the
 * list's filters. Values are taken as the endpoint read them and encoded here, so whatever the caller sent
 * comes back as a well-formed address.
 */
final class PageLinks {

    private final String base;
    private final Map<String, String> params = new LinkedHashMap<>();

    PageLinks(String base) {
        this.base = base;
    }

    PageLinks param(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            params.put(name, value.toString());
        }
        return this;
    }

    String header(int page, int size, long total) {
        long last = Math.max(1, (total + size - 1) / size);
        List<String> links = new ArrayList<>();
        links.add(link(1, size, "first"));
        if (page > 1) {
            links.add(link(Math.min(page - 1, last), size, "prev"));
        }
        if (page < last) {
            links.add(link(page + 1, size, "next"));
        }
        links.add(link(last, size, "last"));
        return String.join(", ", links);
    }

    /** Also "+", which a query string reads as a space. */
    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8).replace("+", "%2B");
    }

    private String link(long page, int size, String rel) {
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("page", Long.toString(page));
        query.put("size", Integer.toString(size));
        return "<" + base + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")) + ">; rel=\"" + rel + "\"";
    }
}
