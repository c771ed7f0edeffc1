package uk.consumptioninsights.model.access;

/** How a purpose may see which meter a reading belongs to. */
public enum MeterIdentity {
    RAW_MPAN,
    PSEUDONYM,
    NONE
}
