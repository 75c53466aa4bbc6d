package io.warden.investigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class GraphDirectoryAuditParserTest {

    private static final String WORKSPACE = "ws-1";

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> errorFields(String body) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> GraphDirectoryAuditParser.parse(WORKSPACE, json(body)));
        assertEquals(400, problem.status());
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void parsesGraphDirectoryAudit() {
        String body = "{\"value\":[{\"id\":\"Directory_ce1a3f3c_1\",\"category\":\"UserManagement\","
                + "\"correlationId\":\"da159bfb\",\"result\":\"success\",\"resultReason\":\"\","
                + "\"activityDisplayName\":\"Update user\",\"activityDateTime\":\"2024-05-06T07:08:09.9837301Z\","
                + "\"loggedByService\":\"Core Directory\",\"operationType\":\"Update\","
                + "\"initiatedBy\":{\"app\":null,\"user\":{\"id\":\"728309ab\",\"displayName\":null,"
                + "\"userPrincipalName\":\"françois@contoso.com\",\"ipAddress\":null}},"
                + "\"targetResources\":[{\"id\":\"ef7e527d\",\"displayName\":null,\"type\":\"User\","
                + "\"userPrincipalName\":\"dana@contoso.com\",\"modifiedProperties\":[]}],"
                + "\"additionalDetails\":[]}]}";

        DirectoryLog row = GraphDirectoryAuditParser.parse(WORKSPACE, json(body)).get(0);

        assertEquals("Directory_ce1a3f3c_1", row.id);
        assertEquals(Instant.parse("2024-05-06T07:08:09.983Z"), row.activityAt);
        assertEquals("Update user", row.activityDisplayName);
        assertEquals("success", row.result);
        assertNull(row.resultReason);
        assertEquals("728309ab", row.initiatedByUserId);
        assertEquals("françois@contoso.com", row.initiatedByUserPrincipalName);
        assertNull(row.initiatedByApp);
        assertTrue(row.targetResources.contains("dana@contoso.com"));
    }

    @Test
    void appInitiatorAndMissingOptionalFields() {
        String body = "{\"value\":[{\"id\":\"a\",\"activityDisplayName\":\"Add service principal\","
                + "\"activityDateTime\":\"2024-05-06T07:08:09Z\",\"result\":\"Failure\","
                + "\"initiatedBy\":{\"user\":null,\"app\":{\"displayName\":\"Azure AD Cloud Sync\"}},"
                + "\"targetResources\":null}]}";

        DirectoryLog row = GraphDirectoryAuditParser.parse(WORKSPACE, json(body)).get(0);

        assertEquals("failure", row.result);
        assertEquals("Azure AD Cloud Sync", row.initiatedByApp);
        assertNull(row.initiatedByUserId);
        assertNull(row.targetResources);
    }

    @Test
    void badFieldsAreNamedByIndex() {
        String ok = "{\"id\":\"ok\",\"activityDisplayName\":\"x\",\"activityDateTime\":\"2024-05-06T07:08:09Z\"}";
        String body = "{\"value\":[" + ok + ","
                + "{\"id\":\"a\",\"activityDisplayName\":\"x\",\"activityDateTime\":\"yesterday\"},"
                + "{\"id\":\"b\",\"activityDateTime\":\"2024-05-06T07:08:09Z\"},"
                + "{\"id\":\"c\",\"activityDisplayName\":\"x\",\"activityDateTime\":\"2024-05-06T07:08:09Z\","
                + "\"result\":\"maybe\"},"
                + "{\"id\":\"d\",\"activityDisplayName\":\"x\",\"activityDateTime\":\"2024-05-06T07:08:09Z\","
                + "\"initiatedBy\":{\"user\":{\"userPrincipalName\":false}}},"
                + "{\"id\":\"e\",\"activityDisplayName\":\"x\",\"activityDateTime\":\"2024-05-06T07:08:09Z\","
                + "\"targetResources\":{}}]}";

        assertEquals(List.of("value[1].activityDateTime", "value[2].activityDisplayName", "value[3].result",
                "value[4].initiatedBy.user.userPrincipalName", "value[5].targetResources"), errorFields(body));
    }
}
