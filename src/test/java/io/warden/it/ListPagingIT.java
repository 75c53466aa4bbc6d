package io.warden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cursor paging of the service-account, credential and workspace lists. */
class ListPagingIT {

    private final WardenApi api = new WardenApi();

    /** Follows nextCursor from the first page to the last and returns every id, failing on a repeat. */
    private List<String> allIds(String path) {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String cursor = null;
        do {
            var request = api.asAdmin().queryParam("pageSize", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response response = request.get(path);
            assertEquals(200, response.statusCode(), response::asString);
            JsonObject page = WardenApi.json(response);
            assertTrue(page.getJsonArray("items").size() <= 2, "a page holds at most pageSize items");
            for (JsonObject item : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
                assertTrue(seen.add(item.getString("id")), "item listed twice: " + item.getString("id"));
                ids.add(item.getString("id"));
            }
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void serviceAccountListPagesThroughEveryAccount() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(api.createServiceAccount(List.of("incidents:read"), List.of()).clientId());
        }

        List<String> listed = allIds("/api/v2/service-accounts");

        assertTrue(listed.containsAll(created), "every new account appears once across the pages");
    }

    @Test
    void credentialListPagesNewestFirst() {
        WardenApi.Credentials first = api.createServiceAccount(List.of("incidents:read"), List.of());
        WardenApi.Credentials second = api.issueCredential(first.clientId(), List.of("incidents:read"), null);
        WardenApi.Credentials third = api.issueCredential(first.clientId(), List.of("incidents:read"), null);

        List<String> listed = allIds("/api/v2/service-accounts/" + first.clientId() + "/credentials");

        assertEquals(List.of(third.credentialId(), second.credentialId(), first.credentialId()), listed);
    }

    @Test
    void workspaceListPagesThroughVisibleWorkspaces() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(api.createWorkspace("paging"));
        }

        List<String> listed = allIds("/api/v2/workspaces");

        assertTrue(listed.containsAll(created), "every new workspace appears once across the pages");
    }

    @Test
    void invalidPageSizeNamesTheField() {
        Response response = api.asAdmin().queryParam("pageSize", 0).get("/api/v2/service-accounts");

        assertEquals(400, response.statusCode());
        assertEquals(List.of("pageSize"), WardenApi.errorFields(response));
    }
}
