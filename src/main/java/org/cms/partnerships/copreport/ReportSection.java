package org.cms.partnerships.copreport;

import java.util.EnumSet;
import java.util.Set;
import org.cms.partnerships.register.PartnerCategory;

/**
 * The sections of the report, in the seeds' order (000, 001, 004): each has a narrative the officer
 * drafts beside the facts that belong to it; the partner sections take the formal partners of their
 * categories.
 */
public enum ReportSection {
    BACKGROUND(EnumSet.noneOf(PartnerCategory.class)),
    MEAS(EnumSet.of(PartnerCategory.MEA)),
    UN_AGENCIES_IGOS(EnumSet.of(PartnerCategory.UN_AGENCY_IGO)),
    NGOS_CIVIL_SOCIETY(EnumSet.of(PartnerCategory.NGO, PartnerCategory.NATIONAL_GOVERNMENTAL, PartnerCategory.ACADEMIC,
            PartnerCategory.FOUNDATION)),
    PRIVATE_SECTOR(EnumSet.of(PartnerCategory.PRIVATE_SECTOR)),
    DE_FACTO(EnumSet.noneOf(PartnerCategory.class)),
    JOINT_WORK_PLANS(EnumSet.noneOf(PartnerCategory.class)),
    CONCLUSION(EnumSet.noneOf(PartnerCategory.class)),
    ACTION_REQUESTED(EnumSet.noneOf(PartnerCategory.class));

    private final Set<PartnerCategory> categories;

    ReportSection(Set<PartnerCategory> categories) {
        this.categories = categories;
    }

    /** The partner categories this section reports on (empty: not a partner section). */
    public Set<PartnerCategory> categories() {
        return categories;
    }

    public boolean isPartnerSection() {
        return !categories.isEmpty();
    }

    /** The section of a formal partner of this category. */
    public static ReportSection of(PartnerCategory category) {
        for (ReportSection section : values()) {
            if (section.categories.contains(category)) {
                return section;
            }
        }
        throw new IllegalArgumentException("No section for " + category);
    }
}
