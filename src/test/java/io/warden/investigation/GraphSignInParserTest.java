package io.warden.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphSignInParserTest {

    private static final String WORKSPACE = "ws-1";

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> errorFields(String body) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> GraphSignInParser.parse(WORKSPACE, json(body)));
        assertEquals(400, problem.status());
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void parsesGraphSignIn() {
        String body = "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns\","
                + "\"value\":[{\"id\":\"66ea54eb-6301-4ee5-be62-ff5a759b0100\","
                + "\"createdDateTime\":\"2024-05-06T07:08:09.1234567Z\",\"userDisplayName\":\"Zoë Ångström\","
                + "\"userPrincipalName\":\"zoe@contoso.com\",\"userId\":\"d7cc485d\",\"appId\":\"de8bc8b5\","
                + "\"appDisplayName\":\"Graph Explorer\",\"ipAddress\":\"131.107.159.37\","
                + "\"clientAppUsed\":\"Browser\",\"conditionalAccessStatus\":\"notApplied\","
                + "\"isInteractive\":true,\"riskLevelDuringSignIn\":\"none\",\"riskState\":\"none\","
                + "\"status\":{\"errorCode\":50126,\"failureReason\":\"Invalid username or password.\","
                + "\"additionalDetails\":null},\"location\":{\"city\":\"Redmond\",\"state\":\"Washington\","
                + "\"countryOrRegion\":\"US\",\"geoCoordinates\":{\"latitude\":47.68,\"longitude\":-122.12}},"
                + "\"deviceDetail\":{\"browser\":\"Edge 80.0.361\"}}]}";

        SignInLog row = GraphSignInParser.parse(WORKSPACE, json(body)).get(0);

        assertEquals("66ea54eb-6301-4ee5-be62-ff5a759b0100", row.id);
        assertEquals(WORKSPACE, row.workspaceId);
        assertEquals(Instant.parse("2024-05-06T07:08:09.123Z"), row.createdAt);
        assertEquals("Zoë Ångström", row.userDisplayName);
        assertEquals("zoe@contoso.com", row.userPrincipalName);
        assertEquals(50126, row.errorCode);
        assertFalse(row.succeeded);
        assertEquals("Invalid username or password.", row.failureReason);
        assertTrue(row.location.contains("Redmond"));
        assertEquals("none", row.riskLevelDuringSignIn);
    }

    @Test
    void successWithNullFields() {
        String body = "{\"value\":[{\"id\":\"a\",\"createdDateTime\":\"2024-05-06T07:08:09Z\",\"userDisplayName\":null,"
                + "\"userPrincipalName\":null,\"location\":null,\"ipAddress\":\"\",\"status\":{\"errorCode\":0,"
                + "\"failureReason\":null}}]}";

        SignInLog row = GraphSignInParser.parse(WORKSPACE, json(body)).get(0);

        assertTrue(row.succeeded);
        assertNull(row.userPrincipalName);
        assertNull(row.location);
        assertNull(row.ipAddress);
    }

    @Test
    void badFieldsAreNamedByIndex() {
        String body = "{\"value\":[{\"id\":\"ok\",\"createdDateTime\":\"2024-05-06T07:08:09Z\",\"status\":{\"errorCode\":0}},"
                + "{\"createdDateTime\":\"2024-05-06T07:08:09Z\",\"status\":{\"errorCode\":0}},"
                + "{\"id\":\"b\",\"createdDateTime\":\"06.05.2024\",\"status\":{\"errorCode\":0}},"
                + "{\"id\":\"c\",\"createdDateTime\":\"2024-05-06T07:08:09Z\"},"
                + "{\"id\":\"d\",\"createdDateTime\":\"2024-05-06T07:08:09Z\",\"status\":{\"errorCode\":\"0\"}},"
                + "{\"id\":\"e\",\"createdDateTime\":\"2024-05-06T07:08:09Z\",\"status\":{\"errorCode\":0},"
                + "\"userPrincipalName\":42},"
                + "[]]}";

        assertEquals(List.of("value[1].id", "value[2].createdDateTime", "value[3].status",
                "value[4].status.errorCode", "value[5].userPrincipalName", "value[6]"), errorFields(body));
    }

    @Test
    void missingValueIsRejected() {
        assertEquals(List.of("value"), errorFields("{\"signIns\":[]}"));
    }
}
