package org.cms.partnerships.register;

/** Partner categories as the Secretariat's reports group them (DOMAIN.md "The instruments and partners"). */
public enum PartnerCategory {
    MEA("Multilateral environmental agreement"),
    UN_AGENCY_IGO("UN agency or intergovernmental body"),
    NGO("Non-governmental organization"),
    NATIONAL_GOVERNMENTAL("National governmental body"),
    PRIVATE_SECTOR("Private sector"),
    ACADEMIC("Academic or scientific body"),
    FOUNDATION("Foundation");

    private final String label;

    PartnerCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
