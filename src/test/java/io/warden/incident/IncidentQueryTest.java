package io.warden.incident;

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

class IncidentQueryTest {

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> rejectedFields(String body) {
        ProblemException problem = assertThrows(ProblemException.class, () -> IncidentQuery.parse(json(body)));
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void firstCallWithDefaults() {
        IncidentQuery query = IncidentQuery.parse(json("{\"isFirstCall\": true}"));

        assertTrue(query.firstCall());
        assertNull(query.pageSize());
        assertFalse(query.filterGiven());
        assertTrue(query.filter().status().isEmpty());
    }

    @Test
    void singleValuesAndListsAreAccepted() {
        IncidentQuery query = IncidentQuery.parse(json(
                "{\"isFirstCall\": true, \"status\": \"new\", \"severity\": [\"Low\", \"HIGH\"], \"pageSize\": 500}"));

        assertEquals(List.of("New"), query.filter().status());
        assertEquals(List.of("High", "Low"), query.filter().severity());
        assertEquals(500, query.pageSize());
        assertTrue(query.filterGiven());
    }

    @Test
    void filterSurvivesTokenRoundTrip() {
        IncidentQuery query = IncidentQuery.parse(json("{\"isFirstCall\": true, \"status\": [\"Closed\"], "
                + "\"workspaceIds\": [\"b\", \"a\"], \"createdFrom\": \"2020-01-01T00:00:00Z\"}"));

        IncidentQuery.Filter restored = IncidentQuery.Filter.fromJson(query.filter().toJson());

        assertEquals(query.filter(), restored);
    }

    @Test
    void isFirstCallIsRequired() {
        assertEquals(List.of("isFirstCall"), rejectedFields("{}"));
        assertEquals(List.of("isFirstCall"), rejectedFields("{\"isFirstCall\": \"yes\"}"));
    }

    @Test
    void continuationNeedsToken() {
        assertEquals(List.of("continuationToken"), rejectedFields("{\"isFirstCall\": false}"));
    }

    @Test
    void firstCallRefusesToken() {
        assertEquals(List.of("continuationToken"), rejectedFields("{\"isFirstCall\": true, \"continuationToken\": \"x\"}"));
    }

    @Test
    void pageSizeBounds() {
        assertEquals(List.of("pageSize"), rejectedFields("{\"isFirstCall\": true, \"pageSize\": 0}"));
        assertEquals(List.of("pageSize"), rejectedFields("{\"isFirstCall\": true, \"pageSize\": 501}"));
        assertEquals(List.of("pageSize"), rejectedFields("{\"isFirstCall\": true, \"pageSize\": 1.5}"));
    }

    @Test
    void unknownValuesAndFieldsAreNamed() {
        assertEquals(List.of("status"), rejectedFields("{\"isFirstCall\": true, \"status\": \"Open\"}"));
        assertEquals(List.of("severity"), rejectedFields("{\"isFirstCall\": true, \"severity\": 3}"));
        assertEquals(List.of("sort"), rejectedFields("{\"isFirstCall\": true, \"sort\": \"x\"}"));
    }

    @Test
    void timeRangeMustBeOrdered() {
        assertEquals(List.of("createdTo"), rejectedFields("{\"isFirstCall\": true, "
                + "\"createdFrom\": \"2020-01-02T00:00:00Z\", \"createdTo\": \"2020-01-01T00:00:00Z\"}"));
        assertEquals(List.of("createdFrom"), rejectedFields("{\"isFirstCall\": true, \"createdFrom\": \"soon\"}"));
    }
}
