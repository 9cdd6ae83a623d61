package org.cms.partnerships.register;

/** The instruments by which the Secretariat formalizes a partnership. */
public enum InstrumentType {
    MEMORANDUM_OF_UNDERSTANDING("Memorandum of Understanding", "MoU"),
    MEMORANDUM_OF_COOPERATION("Memorandum of Cooperation", "MoC"),
    PARTNERSHIP_AGREEMENT("Partnership Agreement", "PA"),
    LETTER_OF_COOPERATION("Letter of Cooperation", "LoC"),
    MEMORANDUM_OF_AGREEMENT("Memorandum of Agreement", "MoA");

    private final String label;
    private final String abbreviation;

    InstrumentType(String label, String abbreviation) {
        this.label = label;
        this.abbreviation = abbreviation;
    }

    public String label() {
        return label;
    }

    public String abbreviation() {
        return abbreviation;
    }
}
