package io.warden.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/v2/me",
        "/api/v2/incidents/across-workspaces",
        "/api//v2//me",
        "/api;a=1/v2;b=2/me",
        "/api/./v2/me",
        "/api/%76%32/me",
    })
    void acceptsV2Paths(String rawPath) {
        assertTrue(RequestPaths.isV2(rawPath));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/workspaces",
        "/api/v2",
        "/api/v2/",
        "/api/v2/../workspaces",
        "/api/v2/%2e%2e/workspaces",
        "/api/v2/%2E%2E/workspaces",
        "/api/v2/..;x=1/workspaces",
        "/api/v2/incidents/../../workspaces",
        "/api/V2/me",
        "/API/v2/me",
        "/api//workspaces",
        "/api;v2/workspaces",
        "/api/v2x/me",
        "/api%2fv2/../workspaces",
        "",
        "/",
    })
    void rejectsOtherPaths(String rawPath) {
        assertFalse(RequestPaths.isV2(rawPath));
    }

    @ParameterizedTest
    @CsvSource({
        "/api//v2/me, /api/v2/me",
        "/a/./b/../c, /a/c",
        "/a;x=1/b;y/, /a/b/",
        "/%61pi, /api",
        "/../../etc, /etc",
        "/a/%zz, /a/%zz",
    })
    void normalizesPaths(String raw, String expected) {
        assertEquals(expected, RequestPaths.normalize(raw));
    }
}
