package io.warden.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceNowTicketParserTest {

    private static final String VALID = "{\"sys_id\":\"a1\",\"number\":\"INC0010001\","
            + "\"short_description\":\"Phishing mail\",\"sys_created_on\":\"2024-05-06 07:08:09\"}";

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<FieldError> errorsOf(String body) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> ServiceNowTicketParser.parse(json(body)));
        assertEquals(400, problem.status());
        return problem.fieldErrors();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void parsesFullRecord() {
        String body = "{\"result\":[{\"sys_id\":\"9d385017c611228701d22104cc95c371\",\"number\":\"INC0000002\","
                + "\"short_description\":\"Netzwerk-Störung in München\",\"description\":\"Details\","
                + "\"state\":\"2\",\"priority\":\"1\",\"sys_created_on\":\"2024-05-06 07:08:09\","
                + "\"sys_updated_on\":\"2024-05-07 08:00:00\","
                + "\"assigned_to\":{\"link\":\"https://x.service-now.com/api/now/table/sys_user/46d4\","
                + "\"value\":\"46d44a23a9fe19810012d100cca80666\"},\"caller_id\":\"\"}]}";

        TicketRecord record = ServiceNowTicketParser.parse(json(body)).get(0);

        assertEquals("9d385017c611228701d22104cc95c371", record.id());
        assertEquals("INC0000002", record.number());
        assertEquals("Netzwerk-Störung in München", record.shortDescription());
        assertEquals("2", record.state());
        assertEquals("1", record.priority());
        assertEquals("ServiceNow", record.externalSystem());
        assertEquals("46d44a23a9fe19810012d100cca80666", record.assignedTo());
        assertNull(record.callerId());
        assertEquals(Instant.parse("2024-05-06T07:08:09Z"), record.createdAt());
        assertEquals(Instant.parse("2024-05-07T08:00:00Z"), record.updatedAt());
    }

    @Test
    void acceptsNullsEmptyStringsAndExtraFields() {
        String body = "{\"result\":[{\"sys_id\":\"b2\",\"number\":\"INC2\",\"short_description\":null,"
                + "\"description\":\"\",\"state\":null,\"assigned_to\":\"\",\"caller_id\":null,"
                + "\"sys_created_on\":\"2024-01-01 00:00:00\",\"sys_updated_on\":\"\","
                + "\"u_custom\":{\"x\":[1,2]},\"sys_tags\":\"\"}],\"extra\":true}";

        TicketRecord record = ServiceNowTicketParser.parse(json(body)).get(0);

        assertNull(record.shortDescription());
        assertNull(record.description());
        assertNull(record.state());
        assertNull(record.assignedTo());
        assertNull(record.updatedAt());
    }

    @Test
    void numericStateKeptAsText() {
        String body = "{\"result\":[{\"sys_id\":\"c3\",\"number\":\"INC3\",\"state\":7,"
                + "\"sys_created_on\":\"2024-01-01 00:00:00\"}]}";

        assertEquals("7", ServiceNowTicketParser.parse(json(body)).get(0).state());
    }

    @Test
    void sameSysIdKeepsLastRecord() {
        String body = "{\"result\":[" + VALID + "," + VALID.replace("Phishing mail", "Updated") + "]}";

        List<TicketRecord> records = ServiceNowTicketParser.parse(json(body));

        assertEquals(1, records.size());
        assertEquals("Updated", records.get(0).shortDescription());
    }

    @Test
    void missingResultIsRejected() {
        assertEquals(List.of("result"), fields(errorsOf("{\"records\":[]}")));
    }

    @Test
    void badFieldsAreNamedByIndex() {
        String body = "{\"result\":[" + VALID + ","
                + "{\"number\":\"INC2\",\"sys_created_on\":\"2024-05-06 07:08:09\"},"
                + "{\"sys_id\":\"x\",\"number\":\"INC3\",\"sys_created_on\":\"2024-05-06T07:08:09Z\"},"
                + "{\"sys_id\":\"y\",\"sys_created_on\":\"2024-05-06 07:08:09\",\"sys_updated_on\":\"yesterday\"},"
                + "{\"sys_id\":\"z\",\"number\":\"INC5\",\"sys_created_on\":\"2024-05-06 07:08:09\","
                + "\"assigned_to\":42,\"caller_id\":{\"value\":7}},"
                + "\"not an object\"]}";

        List<String> fields = fields(errorsOf(body));

        assertEquals(List.of("result[1].sys_id", "result[2].sys_created_on", "result[3].number",
                "result[3].sys_updated_on", "result[4].assigned_to", "result[4].caller_id.value", "result[5]"), fields);
    }

    @Test
    void missingCreationTimeIsNamed() {
        String body = "{\"result\":[{\"sys_id\":\"a\",\"number\":\"INC1\",\"sys_created_on\":\"\"}]}";

        assertEquals(List.of("result[0].sys_created_on"), fields(errorsOf(body)));
    }
}
