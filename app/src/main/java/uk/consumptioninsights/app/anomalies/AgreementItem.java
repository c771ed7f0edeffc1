package uk.consumptioninsights.app.anomalies;

/** One line of the source-versus-local comparison, in words: a type, or "All types". */
public record AgreementItem(String type, String source, String local, String both, String sourceOnly,
                            String localOnly, String agreement) {
}
