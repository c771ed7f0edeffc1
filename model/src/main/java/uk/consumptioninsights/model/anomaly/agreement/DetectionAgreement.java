package uk.consumptioninsights.model.anomaly.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.consumptioninsights.model.anomaly.AnomalyType;

/**
 * Source detections against local ones: a detection is confirmed when the other side flagged the same meter with the
 * same type over an overlapping interval. Detectors cut events differently (one long theft window against several
 * shorter ones), so any overlap counts rather than an exact interval match.
 *
 * @param sourceConfirmed parallel to the source list given to {@link #compare}
 * @param localConfirmed  parallel to the local list given to {@link #compare}
 * @param byType          every type, zeros included
 * @param overall         all types together
 */
public record DetectionAgreement(List<Boolean> sourceConfirmed, List<Boolean> localConfirmed,
                                 Map<AnomalyType, TypeAgreement> byType, TypeAgreement overall) {

    public DetectionAgreement {
        sourceConfirmed = List.copyOf(sourceConfirmed);
        localConfirmed = List.copyOf(localConfirmed);
        byType = Collections.unmodifiableMap(new EnumMap<>(byType));
    }

    public static DetectionAgreement compare(List<FlaggedInterval> source, List<FlaggedInterval> local) {
        Map<String, List<Integer>> localByMeterAndType = new HashMap<>();
        for (int i = 0; i < local.size(); i++) {
            localByMeterAndType.computeIfAbsent(key(local.get(i)), k -> new ArrayList<>()).add(i);
        }
        boolean[] sourceHit = new boolean[source.size()];
        boolean[] localHit = new boolean[local.size()];
        for (int s = 0; s < source.size(); s++) {
            FlaggedInterval flagged = source.get(s);
            for (int l : localByMeterAndType.getOrDefault(key(flagged), List.of())) {
                if (flagged.confirms(local.get(l))) {
                    sourceHit[s] = true;
                    localHit[l] = true;
                }
            }
        }
        Map<AnomalyType, TypeAgreement> byType = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.values()) {
            byType.put(type, TypeAgreement.NONE);
        }
        for (int s = 0; s < source.size(); s++) {
            byType.merge(source.get(s).type(), new TypeAgreement(1, 0, sourceHit[s] ? 1 : 0, 0), TypeAgreement::plus);
        }
        for (int l = 0; l < local.size(); l++) {
            byType.merge(local.get(l).type(), new TypeAgreement(0, 1, 0, localHit[l] ? 1 : 0), TypeAgreement::plus);
        }
        TypeAgreement overall = byType.values().stream().reduce(TypeAgreement.NONE, TypeAgreement::plus);
        return new DetectionAgreement(asList(sourceHit), asList(localHit), byType, overall);
    }

    private static String key(FlaggedInterval flagged) {
        return flagged.type().name() + '\u0000' + flagged.meterKey();
    }

    private static List<Boolean> asList(boolean[] values) {
        List<Boolean> list = new ArrayList<>(values.length);
        for (boolean v : values) {
            list.add(v);
        }
        return list;
    }
}
