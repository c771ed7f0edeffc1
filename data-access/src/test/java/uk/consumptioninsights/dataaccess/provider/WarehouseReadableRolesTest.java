package uk.consumptioninsights.dataaccess.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.fixture.DatabricksHttpFaultFixture;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;

/** The real driver against the loopback workspace fixture: which purposes' views the identity may read. */
class WarehouseReadableRolesTest {

    private static final String TOKEN = "dapi-readable-roles-test-token";

    @Test
    void aCatalogWhoseViewsAreAllRefusedSaysWhichPrivilegeIsMissing() throws Exception {
        try (DatabricksHttpFaultFixture workspace = DatabricksHttpFaultFixture.start(TOKEN, "dapi-expired-token");
             WarehouseConsumptionSource source = source(workspace, DatabricksHttpFaultFixture.RESTRICTED_CATALOG)) {
            assertThatThrownBy(source::probeReadableRoles)
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining("needs a privilege you do not have")
                    .hasMessageNotContaining(TOKEN);
            assertThat(workspace.statements()).filteredOn(s -> s.contains("v_") && s.contains("_half_hourly")).hasSize(4);
        }
    }

    @Test
    void aCatalogWithReadableViewsKeepsEveryPurpose() throws Exception {
        try (DatabricksHttpFaultFixture workspace = DatabricksHttpFaultFixture.start(TOKEN, "dapi-expired-token");
             WarehouseConsumptionSource source = source(workspace, "settlement")) {
            assertThat(source.probeReadableRoles()).containsExactly(PurposeRole.values());
            assertThat(source.roles()).isEqualTo(List.of(PurposeRole.values()));
        }
    }

    private static WarehouseConsumptionSource source(DatabricksHttpFaultFixture workspace, String catalog) {
        ProviderConnectionSettings settings = new ProviderConnectionSettings(workspace.host(), DatabricksHttpFaultFixture.HTTP_PATH,
                Optional.of(catalog), Optional.of("gold"), new SignIn.PersonalAccessToken(), Transport.THRIFT,
                Duration.ofSeconds(60), Duration.ofSeconds(60));
        return new WarehouseConsumptionSource(new ProviderConnector(settings, Optional.of(new ProviderSecret(TOKEN)),
                DatabricksHttpFaultFixture.driverOverrides()));
    }
}
