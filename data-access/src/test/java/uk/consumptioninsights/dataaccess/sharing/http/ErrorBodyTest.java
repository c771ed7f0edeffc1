package uk.consumptioninsights.dataaccess.sharing.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void specShape() {
        ErrorBody body = ErrorBody.parse("{\"errorCode\":\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Share x not found\"}");

        assertThat(body).isEqualTo(new ErrorBody("RESOURCE_DOES_NOT_EXIST", "Share x not found", null));
        assertThat(body.summary()).isEqualTo("RESOURCE_DOES_NOT_EXIST: Share x not found");
    }

    @Test
    void snakeCaseShape() {
        assertThat(ErrorBody.parse("{\"error_code\":\"BAD_REQUEST\",\"message\":\"bad timestamp\"}"))
                .isEqualTo(new ErrorBody("BAD_REQUEST", "bad timestamp", null));
    }

    @Test
    void detailsShapeGivesTheDsError() {
        ErrorBody body = ErrorBody.parse("{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":\"Table features\","
                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"x\","
                + "\"metadata\":{\"dsError\":\"DS_UNSUPPORTED_DELTA_TABLE_FEATURES\",\"optionStr\":\"...\"}}]}");

        assertThat(body.dsError()).isEqualTo("DS_UNSUPPORTED_DELTA_TABLE_FEATURES");
        assertThat(body.summary()).startsWith("DS_UNSUPPORTED_DELTA_TABLE_FEATURES: Table features");
    }

    @Test
    void oauthShape() {
        assertThat(ErrorBody.parse("{\"error\":\"invalid_client\",\"error_description\":\"Unknown client\"}"))
                .isEqualTo(new ErrorBody("invalid_client", "Unknown client", null));
    }

    @Test
    void nestedErrorObject() {
        assertThat(ErrorBody.parse("{\"error\":{\"code\":\"Throttled\",\"message\":\"slow down\"}}"))
                .isEqualTo(new ErrorBody("Throttled", "slow down", null));
    }

    @Test
    void s3Xml() {
        assertThat(ErrorBody.parse("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
                + "<Message>Request has expired</Message></Error>"))
                .isEqualTo(new ErrorBody("AccessDenied", "Request has expired", null));
    }

    @Test
    void plainTextIsShortenedAndFlattened() {
        ErrorBody body = ErrorBody.parse("Internal\n\tError " + "x".repeat(1000));

        assertThat(body.code()).isNull();
        assertThat(body.message()).startsWith("Internal Error xxx").hasSize(ErrorBody.MAX_MESSAGE);
    }

    @Test
    void emptyAndBrokenBodies() {
        assertThat(ErrorBody.parse("").isEmpty()).isTrue();
        assertThat(ErrorBody.parse(null).isEmpty()).isTrue();
        assertThat(ErrorBody.parse("{\"message\":").message()).isEqualTo("{\"message\":");
        assertThat(ErrorBody.parse("{}").isEmpty()).isTrue();
    }
}
