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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentinelIncidentParserTest {

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String item(String name, String properties) {
        return "{\"name\":\"" + name + "\",\"properties\":{" + properties + "}}";
    }

    private static final String VALID = "\"title\":\"T\",\"severity\":\"High\",\"status\":\"New\","
            + "\"createdTimeUtc\":\"2019-01-01T13:15:30Z\"";

    private static List<FieldError> errorsOf(String body) {
        ProblemException problem = assertThrows(ProblemException.class, () -> SentinelIncidentParser.parse(json(body)));
        assertEquals(400, problem.status());
        return problem.fieldErrors();
    }

    @Test
    void parsesSharedFixture() throws Exception {
        Path fixture = Path.of("samples", "sentinel", "incidents-list.json");
        List<IncidentRecord> records = SentinelIncidentParser.parse(json(Files.readString(fixture)));

        assertEquals(1, records.size());
        IncidentRecord record = records.get(0);
        assertEquals("73e01a99-5cd7-4139-a149-9f2736ff2ab5", record.id());
        assertEquals("My incident", record.title());
        assertEquals("High", record.severity());
        assertEquals("Closed", record.status());
        assertEquals("john.doe@contoso.com", record.ownerEmail());
        assertEquals(Instant.parse("2019-01-01T13:15:30Z"), record.createdTime());
    }

    @Test
    void keepsRuleIdsAndAdditionalDataCounts() throws Exception {
        Path fixture = Path.of("samples", "sentinel", "incidents-list.json");
        IncidentRecord record = SentinelIncidentParser.parse(json(Files.readString(fixture))).get(0);

        assertTrue(record.relatedRuleIdsJson().contains("alertRules/fab3d2d4-747f-46a7-8ef0-9c0be8112bf7"));
        assertTrue(record.relatedRuleIdsJson().contains("alertRules/8deb8303-e94d-46ff-96e0-5fd94b33df1a"));
        assertEquals(0, record.alertsCount());
        assertEquals(0, record.bookmarksCount());
        assertEquals(3, record.commentsCount());
    }

    @Test
    void negativeCountAndNonStringRuleIdRejected() {
        ProblemException problem = assertThrows(ProblemException.class, () -> SentinelIncidentParser.parse(json(
                "{\"value\": [" + item("a", "\"title\":\"t\",\"severity\":\"Low\",\"status\":\"New\","
                        + "\"createdTimeUtc\":\"2019-01-01T00:00:00Z\",\"relatedAnalyticRuleIds\":[1],"
                        + "\"additionalData\":{\"alertsCount\":-1}") + "]}")));

        assertEquals(List.of("value[0].properties.relatedAnalyticRuleIds[0]",
                "value[0].properties.additionalData.alertsCount"),
                problem.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void acceptsRealExportQuirks() {
        String body = "{\"value\":[" + item("a", "\"title\":\"Überwachung 監視\",\"severity\":\"low\",\"status\":\"active\","
                + "\"createdTimeUtc\":\"2024-05-06T07:08:09.1234567Z\",\"owner\":null,\"somethingNew\":{\"x\":1}")
                + "],\"nextLink\":null}";

        IncidentRecord record = SentinelIncidentParser.parse(json(body)).get(0);

        assertEquals("Überwachung 監視", record.title());
        assertEquals("Low", record.severity());
        assertEquals("Active", record.status());
        assertNull(record.ownerEmail());
        assertEquals(Instant.parse("2024-05-06T07:08:09.123Z"), record.createdTime());
    }

    @Test
    void missingValueIsRejected() {
        List<FieldError> errors = errorsOf("{\"items\":[]}");

        assertEquals("value", errors.get(0).field());
    }

    @Test
    void badItemsAreNamedByIndexAndField() {
        String body = "{\"value\":[" + item("ok", VALID) + ","
                + item("bad", "\"title\":\"T\",\"severity\":\"Huge\",\"status\":\"New\",\"createdTimeUtc\":\"yesterday\"")
                + ",{\"name\":\"x\"}, 7]}";

        List<FieldError> errors = errorsOf(body);

        List<String> fields = errors.stream().map(FieldError::field).toList();
        assertEquals(List.of("value[1].properties.severity", "value[1].properties.createdTimeUtc",
                "value[2].properties", "value[3]"), fields);
    }

    @Test
    void missingTitleAndNameAreRequired() {
        List<FieldError> errors = errorsOf("{\"value\":[{\"properties\":{\"severity\":\"High\",\"status\":\"New\","
                + "\"createdTimeUtc\":\"2019-01-01T13:15:30Z\"}}]}");

        List<String> fields = errors.stream().map(FieldError::field).toList();
        assertTrue(fields.contains("value[0].name"));
        assertTrue(fields.contains("value[0].properties.title"));
    }

    @Test
    void overlongTitleIsRejected() {
        String body = "{\"value\":[" + item("a", VALID.replace("\"T\"", "\"" + "t".repeat(1001) + "\"")) + "]}";

        assertEquals("value[0].properties.title", errorsOf(body).get(0).field());
    }

    @Test
    void duplicateIdsKeepLastItem() {
        String body = "{\"value\":[" + item("a", VALID) + "," + item("a", VALID.replace("\"T\"", "\"T2\"")) + "]}";

        List<IncidentRecord> records = SentinelIncidentParser.parse(json(body));

        assertEquals(1, records.size());
        assertEquals("T2", records.get(0).title());
    }

    @Test
    void timeWithoutOffsetIsUtc() {
        assertEquals(Instant.parse("2020-02-03T04:05:06Z"), SentinelIncidentParser.parseTime("2020-02-03T04:05:06"));
        assertNull(SentinelIncidentParser.parseTime("03/02/2020"));
    }
}
