package io.warden.ticket;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketQueryTest {

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> rejectedFields(String body) {
        ProblemException problem = assertThrows(ProblemException.class, () -> TicketQuery.parse(json(body)));
        assertEquals(400, problem.status());
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void firstCallWithDefaults() {
        TicketQuery query = TicketQuery.parse(json("{\"isFirstCall\": true}"));

        assertTrue(query.firstCall());
        assertNull(query.pageSize());
        assertFalse(query.filterGiven());
        assertEquals(TicketFilter.NONE, query.filter());
    }

    @Test
    void singleValuesAndListsAreAccepted() {
        TicketQuery query = TicketQuery.parse(json("{\"isFirstCall\": true, \"state\": \"2\", "
                + "\"externalSystem\": [\"ServiceNow\"], \"workspaceIds\": [\"b\", \"a\"], \"text\": \"  INC1 \", "
                + "\"linkedIncidentId\": \"inc-1\", \"pageSize\": 500}"));

        assertEquals(List.of("2"), query.filter().states());
        assertEquals(List.of("ServiceNow"), query.filter().externalSystems());
        assertEquals(List.of("a", "b"), query.filter().workspaceIds());
        assertEquals("INC1", query.filter().text());
        assertEquals("inc-1", query.filter().linkedIncidentId());
        assertEquals(500, query.pageSize());
        assertTrue(query.filterGiven());
    }

    @Test
    void filterSurvivesTokenRoundTrip() {
        TicketQuery query = TicketQuery.parse(json("{\"isFirstCall\": true, \"text\": \"phish\", "
                + "\"state\": [\"7\", \"1\"], \"linkedIncidentId\": \"inc\"}"));

        assertEquals(query.filter(), TicketFilter.fromJson(query.filter().toJson()));
    }

    @Test
    void continuationNeedsToken() {
        assertEquals(List.of("continuationToken"), rejectedFields("{\"isFirstCall\": false}"));
        assertEquals(List.of("continuationToken"),
                rejectedFields("{\"isFirstCall\": true, \"continuationToken\": \"abc\"}"));
    }

    @Test
    void invalidFieldsAreNamed() {
        String body = "{\"isFirstCall\": \"yes\", \"pageSize\": 0, \"state\": [1], \"text\": \"" + "x".repeat(201)
                + "\", \"severity\": \"High\"}";

        List<String> fields = rejectedFields(body);

        assertTrue(fields.contains("isFirstCall"), fields.toString());
        assertTrue(fields.contains("pageSize"), fields.toString());
        assertTrue(fields.contains("state"), fields.toString());
        assertTrue(fields.contains("text"), fields.toString());
        assertTrue(fields.contains("severity"), fields.toString());
    }

    @Test
    void pageSizeAboveMaximumIsRejected() {
        assertEquals(List.of("pageSize"), rejectedFields("{\"isFirstCall\": true, \"pageSize\": 501}"));
    }

    @Test
    void likeWildcardsAreEscaped() {
        assertEquals("50!%!_off!!", TicketService.likeEscaped("50%_off!"));
    }
}
