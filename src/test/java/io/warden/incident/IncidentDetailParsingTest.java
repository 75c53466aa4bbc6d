package io.warden.incident;

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

class IncidentDetailParsingTest {

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> fields(ProblemException problem) {
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void entityWithNullsAndExtrasParses() {
        List<SentinelEntityParser.EntityRecord> records = SentinelEntityParser.parse(json("""
                {"entities": [{"name": "e1", "kind": "Account", "extra": 1,
                  "properties": {"friendlyName": "administrator", "ntDomain": null}}], "metaData": null}"""));

        assertEquals(1, records.size());
        assertEquals("Account", records.get(0).kind());
        assertEquals("administrator", records.get(0).friendlyName());
        assertTrue(records.get(0).propertiesJson().contains("ntDomain"));
    }

    @Test
    void entityWithoutPropertiesGetsEmptyObject() {
        List<SentinelEntityParser.EntityRecord> records = SentinelEntityParser.parse(json("""
                {"entities": [{"name": "e1", "kind": "Host", "properties": null}]}"""));

        assertEquals("{}", records.get(0).propertiesJson());
        assertNull(records.get(0).friendlyName());
    }

    @Test
    void entityErrorsNameEachItem() {
        ProblemException problem = assertThrows(ProblemException.class, () -> SentinelEntityParser.parse(json("""
                {"entities": [{"name": "e1"}, 7, {"kind": "Host", "properties": []}]}""")));

        assertEquals(List.of("entities[0].kind", "entities[1]", "entities[2].name", "entities[2].properties"),
                fields(problem));
    }

    @Test
    void entitiesListRequired() {
        ProblemException problem = assertThrows(ProblemException.class, () -> SentinelEntityParser.parse(json("{}")));

        assertEquals(List.of("entities"), fields(problem));
    }

    @Test
    void commentWithSevenFractionDigitsParses() {
        List<SentinelCommentParser.CommentRecord> records = SentinelCommentParser.parse(json("""
                {"value": [{"name": "c1", "properties": {"message": "Prüfung – 調査",
                  "createdTimeUtc": "2019-01-01T13:15:30.1234567Z", "author": null}}]}"""));

        assertEquals("Prüfung – 調査", records.get(0).message());
        assertEquals(Instant.parse("2019-01-01T13:15:30.123Z"), records.get(0).createdTime());
        assertNull(records.get(0).authorName());
    }

    @Test
    void commentMessageRequiredAndBounded() {
        String tooLong = "x".repeat(30001);
        ProblemException problem = assertThrows(ProblemException.class, () -> SentinelCommentParser.parse(json(
                "{\"value\": [{\"name\": \"c1\", \"properties\": {\"createdTimeUtc\": \"2019-01-01T00:00:00Z\"}},"
                        + "{\"name\": \"c2\", \"properties\": {\"message\": \"" + tooLong + "\", "
                        + "\"createdTimeUtc\": \"2019-01-01T00:00:00Z\"}}]}")));

        assertEquals(List.of("value[0].properties.message", "value[1].properties.message"), fields(problem));
    }

    @Test
    void closeRequiresClassification() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> IncidentUpdate.parse(json("{\"status\": \"Closed\"}")));

        assertEquals(List.of("classification"), fields(problem));
    }

    @Test
    void closeWithClassificationParses() {
        IncidentUpdate update = IncidentUpdate.parse(json("{\"status\": \"closed\", \"classification\": "
                + "\"falsepositive\", \"classificationReason\": \"InaccurateData\", \"classificationComment\": \"x\"}"));

        assertEquals("Closed", update.status());
        assertEquals("FalsePositive", update.classification());
        assertEquals("InaccurateData", update.classificationReason());
    }

    @Test
    void classificationOnlyWhenClosing() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> IncidentUpdate.parse(json("{\"status\": \"Active\", \"classificationComment\": \"x\"}")));

        assertEquals(List.of("classificationComment"), fields(problem));
    }

    @Test
    void updateRejectsUnknownAndMissingStatus() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> IncidentUpdate.parse(json("{\"severity\": \"Low\"}")));

        assertEquals(List.of("severity", "status"), fields(problem));
    }

    @Test
    void ifMatchAcceptsCurrentOrStar() {
        IncidentETags.requireMatch(null, 3);
        IncidentETags.requireMatch("\"3\"", 3);
        IncidentETags.requireMatch("\"1\", \"3\"", 3);
        IncidentETags.requireMatch("*", 3);
    }

    @Test
    void ifMatchRejectsStaleTag() {
        ProblemException problem = assertThrows(ProblemException.class, () -> IncidentETags.requireMatch("\"2\"", 3));

        assertEquals(412, problem.status());
    }

    @Test
    void alertRuleIdIsLastSegment() {
        IncidentDetails.AlertRuleView rule = IncidentDetails.AlertRuleView.of(
                "/subscriptions/s/providers/Microsoft.SecurityInsights/alertRules/fab3d2d4");

        assertEquals("fab3d2d4", rule.ruleId());
        assertNull(rule.displayName());
    }
}
