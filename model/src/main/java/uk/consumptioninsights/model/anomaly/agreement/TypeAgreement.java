package uk.consumptioninsights.model.anomaly.agreement;

/**
 * How far two detectors agree on one anomaly type (or on all types together).
 *
 * @param source          detections the source has
 * @param local           detections local rescoring has
 * @param sourceConfirmed source detections that some local detection confirms
 * @param localConfirmed  local detections that some source detection confirms
 */
public record TypeAgreement(int source, int local, int sourceConfirmed, int localConfirmed) {

    public static final TypeAgreement NONE = new TypeAgreement(0, 0, 0, 0);

    /**
     * The share of all detections, on either side, that the other side also found (a Dice coefficient on detections):
     * 1 when both found exactly the same events, 0 when they share none; NaN when neither found anything.
     */
    public double agreement() {
        int all = source + local;
        return all == 0 ? Double.NaN : (double) (sourceConfirmed + localConfirmed) / all;
    }

    public int sourceOnly() {
        return source - sourceConfirmed;
    }

    public int localOnly() {
        return local - localConfirmed;
    }

    TypeAgreement plus(TypeAgreement other) {
        return new TypeAgreement(source + other.source, local + other.local, sourceConfirmed + other.sourceConfirmed,
                localConfirmed + other.localConfirmed);
    }
}
