package io.warden.datasource;

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

class DataSourceParserTest {

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> errorFields(String body) {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> DataSourceParser.parse("ws", json(body)));
        assertEquals(400, problem.status());
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    @Test
    void parsesDataSources() {
        String body = "{\"dataSources\":[{\"id\":\"ds-1\",\"type\":\"Syslog\",\"name\":\"Pare-feu Genève\","
                + "\"status\":\"Connected\",\"lastSyncAt\":\"2024-05-06T07:08:09.1234567Z\",\"region\":\"eu\"},"
                + "{\"id\":\"ds-2\",\"type\":\"Microsoft Sentinel\",\"name\":\"Sentinel\",\"status\":\"error\","
                + "\"lastSyncAt\":null}]}";

        List<DataSource> rows = DataSourceParser.parse("ws", json(body));

        assertEquals(2, rows.size());
        assertEquals("Pare-feu Genève", rows.get(0).name);
        assertEquals("connected", rows.get(0).status);
        assertEquals(Instant.parse("2024-05-06T07:08:09.123Z"), rows.get(0).lastSyncAt);
        assertNull(rows.get(1).lastSyncAt);
    }

    @Test
    void badFieldsAreNamedByIndex() {
        String body = "{\"dataSources\":[{\"id\":\"ok\",\"type\":\"t\",\"name\":\"n\",\"status\":\"connected\"},"
                + "{\"id\":\"a\",\"type\":\"t\",\"name\":\"n\",\"status\":\"paused\"},"
                + "{\"id\":\"b\",\"name\":\"\",\"status\":\"error\",\"lastSyncAt\":\"last week\"},"
                + "null]}";

        assertEquals(List.of("dataSources[1].status", "dataSources[2].type", "dataSources[2].name",
                "dataSources[2].lastSyncAt", "dataSources[3]"), errorFields(body));
    }

    @Test
    void missingListIsRejected() {
        assertEquals(List.of("dataSources"), errorFields("{\"sources\":[]}"));
    }
}
