package uk.consumptioninsights.model.cases;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A case's enumerated value as stored: a lower-case code, and a label for people. */
interface CaseCode {

    String code();

    /**
     * The constant of {@code type} stored as {@code code}.
     *
     * @param noun   what the value is, for the message: "case priority"
     * @param plural the same in the plural: "priorities"
     */
    static <E extends Enum<E> & CaseCode> E of(Class<E> type, String code, String noun, String plural) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a " + noun + ". Known " + plural + ": "
                + Arrays.stream(type.getEnumConstants()).map(CaseCode::code).collect(Collectors.joining(", ")) + ".");
    }
}
