package org.cms.partnerships.register;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders of an agreement list, as SQL: each column, then the reference (unique, so every page is
 * stable). Ascending puts empty dates last; descending is the exact reverse (empty dates first). The
 * default, by reference, walks the unique index on the reference; the others sort the rows found.
 */
public enum AgreementSort {
    REFERENCE("reference", "a.reference"),
    /** Case-insensitive, as {@code String.CASE_INSENSITIVE_ORDER} compares (lower case). */
    PARTNER("partner", "LOWER(p.acronym)"),
    /** In the order of the enum, as the register pages always sorted it. */
    INSTRUMENT("instrument", ordinalOf("a.instrument_type", InstrumentType.values())),
    STATUS("status", ordinalOf("a.status", AgreementStatus.values())),
    SIGNED("signed", "a.signed_on"),
    TERM_ENDS("termEnds", "a.expires_on"),
    NEXT_REVIEW("nextReview", "a.next_review_on");

    private final String parameter;
    private final String column;

    AgreementSort(String parameter, String column) {
        this.parameter = parameter;
        this.column = column;
    }

    /** The name in the pages' {@code sort=} parameter. */
    public String parameter() {
        return parameter;
    }

    /** The ORDER BY clause (without the keywords). */
    String orderBy(boolean descending) {
        if (this == REFERENCE) {
            return descending ? "a.reference DESC" : "a.reference";
        }
        return descending ? column + " DESC NULLS FIRST, a.reference DESC" : column + " ASC NULLS LAST, a.reference";
    }

    private static String ordinalOf(String column, Enum<?>[] values) {
        return Arrays.stream(values).map(v -> "WHEN '%s' THEN %d".formatted(v.name(), v.ordinal()))
                .collect(Collectors.joining(" ", "CASE " + column + " ", " END"));
    }
}
