package org.cms.partnerships.workplan;

/** Funding of an activity: most need none; those "subject to external funding" wait until it is secured. */
public enum FundingStatus {
    NOT_REQUIRED, NOT_SECURED, SECURED;

    /** The funding in words for forms and reports ("Not secured"); the name stays in the API. */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase().replace('_', ' ');
    }
}
