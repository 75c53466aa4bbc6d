package io.warden.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API: {@code /api/v2/...} for service accounts and portal users, {@code /api/...} for the portal. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info = @Info(title = "Warden API", version = "2",
                description = "Service accounts call /api/v2 with HTTP Basic (Client ID and Client Secret). "
                        + "Each operation names the scope it requires; errors are application/problem+json."),
        security = @SecurityRequirement(name = WardenApplication.BASIC_SCHEME))
@SecurityScheme(securitySchemeName = WardenApplication.BASIC_SCHEME, type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "Service accounts: Client ID as user name, Client Secret as password. "
                + "Portal users: login name and password.")
public class WardenApplication extends Application {

    public static final String BASIC_SCHEME = "basicAuth";
}
