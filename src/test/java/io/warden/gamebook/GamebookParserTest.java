package io.warden.gamebook;

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

class GamebookParserTest {

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> errorFields(String body) {
        ProblemException problem = assertThrows(ProblemException.class, () -> GamebookParser.parse("ws", json(body)));
        assertEquals(400, problem.status());
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void parsesGamebookWithRuns() {
        String body = "{\"gamebooks\":[{\"id\":\"gb-1\",\"name\":\"Sperre Konto für Phishing\","
                + "\"description\":\"Disables the account\",\"trigger\":\"incident-created\",\"enabled\":false,"
                + "\"owner\":\"extra field\",\"runs\":[{\"id\":\"run-1\",\"incidentId\":\"inc-1\","
                + "\"status\":\"Succeeded\",\"startedAt\":\"2024-05-06T07:08:09.1234567Z\","
                + "\"finishedAt\":\"2024-05-06T07:09:00Z\"},{\"id\":\"run-2\",\"incidentId\":null,"
                + "\"status\":\"running\",\"startedAt\":\"2024-05-07T00:00:00Z\",\"finishedAt\":null}]}]}";

        GamebookParser.Item item = GamebookParser.parse("ws", json(body)).get(0);

        assertEquals("gb-1", item.gamebook().id);
        assertEquals("Sperre Konto für Phishing", item.gamebook().name);
        assertEquals("incident-created", item.gamebook().trigger);
        assertFalse(item.gamebook().enabled);
        assertEquals(2, item.runs().size());
        assertEquals("succeeded", item.runs().get(0).status);
        assertEquals(Instant.parse("2024-05-06T07:08:09.123Z"), item.runs().get(0).startedAt);
        assertEquals("gb-1", item.runs().get(1).gamebookId);
        assertNull(item.runs().get(1).incidentId);
        assertNull(item.runs().get(1).finishedAt);
    }

    @Test
    void optionalFieldsMayBeMissing() {
        GamebookParser.Item item = GamebookParser.parse("ws",
                json("{\"gamebooks\":[{\"id\":\"gb\",\"name\":\"Only name\",\"description\":null}]}")).get(0);

        assertTrue(item.gamebook().enabled);
        assertNull(item.gamebook().description);
        assertEquals(List.of(), item.runs());
    }

    @Test
    void badFieldsAreNamedByPath() {
        String body = "{\"gamebooks\":[{\"id\":\"ok\",\"name\":\"ok\"},"
                + "{\"id\":\"a\",\"enabled\":\"yes\"},"
                + "{\"id\":\"b\",\"name\":\"b\",\"runs\":[{\"id\":\"r\",\"status\":\"done\","
                + "\"startedAt\":\"2024-05-06T07:08:09Z\"},{\"id\":\"s\",\"status\":\"failed\","
                + "\"startedAt\":\"2024-05-06T07:08:09Z\",\"finishedAt\":\"2024-05-06T07:00:00Z\"},"
                + "{\"status\":\"failed\",\"startedAt\":\"soon\"},7]},"
                + "{\"id\":\"c\",\"name\":\"c\",\"runs\":{}}]}";

        assertEquals(List.of("gamebooks[1].name", "gamebooks[1].enabled", "gamebooks[2].runs[0].status",
                "gamebooks[2].runs[1].finishedAt", "gamebooks[2].runs[2].id", "gamebooks[2].runs[2].startedAt",
                "gamebooks[2].runs[3]", "gamebooks[3].runs"), errorFields(body));
    }

    @Test
    void missingListIsRejected() {
        assertEquals(List.of("gamebooks"), errorFields("{\"value\":[]}"));
    }
}
