package org.cms.partnerships.register;

import java.util.List;

/** One page of a list: its items, how many the whole list holds, and where the page starts (0-based) and its size. */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }
}
