package org.cms.partnerships.workplan;

/** Funding of an activity: most need none; those "subject to external funding" wait until it is secured. */
public enum FundingStatus {
    NOT_REQUIRED, NOT_SECURED, SECURED
}
