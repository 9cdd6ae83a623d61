package org.cms.partnerships.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of a list page, to build its links: sort headers, pages, status counts and exports keep
 * the other filters. Empty values are left out of the links.
 */
public final class PageQuery {

    private final String path;
    private final Map<String, String> params = new LinkedHashMap<>();

    public PageQuery(String path) {
        this.path = path;
    }

    public PageQuery put(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            params.put(name, value.toString());
        }
        return this;
    }

    public String get(String name) {
        return params.get(name);
    }

    /** This page with one parameter changed (null removes it); a new filter or sort starts at page 1. */
    public String with(String name, Object value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        if (!"page".equals(name)) {
            changed.remove("page");
        }
        if (value == null || value.toString().isBlank()) {
            changed.remove(name);
        } else {
            changed.put(name, value.toString());
        }
        return url(path, changed);
    }

    /** This page sorted by {@code column}: ascending first, descending when already ascending by it. */
    public String sortBy(String column) {
        boolean ascending = column.equals(params.get("sort")) && !"desc".equals(params.get("dir"));
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.remove("page");
        changed.put("sort", column);
        changed.put("dir", ascending ? "desc" : "asc");
        return url(path, changed);
    }

    /** For aria-sort on a column header: "ascending", "descending" or "none". */
    public String ariaSort(String column) {
        if (!column.equals(params.get("sort"))) {
            return "none";
        }
        return "desc".equals(params.get("dir")) ? "descending" : "ascending";
    }

    /** The same list as a file: {@code path.csv} or {@code path.xlsx} with the filters and the sort, every page. */
    public String export(String format) {
        Map<String, String> filters = new LinkedHashMap<>(params);
        filters.remove("page");
        return url(path + "." + format, filters);
    }

    private static String url(String path, Map<String, String> params) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        params.forEach(builder::queryParam);
        return builder.encode().build().toUriString();
    }
}
