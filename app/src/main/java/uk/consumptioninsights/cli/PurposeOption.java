package uk.consumptioninsights.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import uk.consumptioninsights.model.access.PurposeRole;

/** {@code --purpose settlement|market-monitoring|research|recipient}: the purpose role a command reads under. */
final class PurposeOption implements ITypeConverter<PurposeRole> {

    static final String CHOICES = "settlement, market-monitoring, research, recipient";

    static String code(PurposeRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public PurposeRole convert(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return Arrays.stream(PurposeRole.values()).filter(r -> code(r).equals(wanted)).findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not a purpose; choose one of " + CHOICES));
    }

    static String all() {
        return Arrays.stream(PurposeRole.values()).map(PurposeOption::code).collect(Collectors.joining(", "));
    }
}
