package io.warden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the database keeps of a Client Secret: its SHA-256 hash and first six characters, never the secret. */
class SecretStorageIT {

    private final WardenApi api = new WardenApi();

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void databaseHoldsOnlyHashAndPrefix() throws Exception {
        WardenApi.Credentials first = api.createServiceAccount(List.of("incidents:read"), List.of());
        WardenApi.Credentials second = api.issueCredential(first.clientId(), List.of("incidents:read"), null);
        assertEquals(200, api.as(second).get("/api/v2/me").statusCode());
        List<String> secrets = List.of(first.clientSecret(), second.clientSecret());

        List<String> findings = new ArrayList<>();
        int tablesRead = 0;
        try (Connection connection = api.openDatabase()) {
            DatabaseMetaData metaData = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metaData.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                tablesRead++;
                try (Statement statement = connection.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            String value = rows.getString(column);
                            for (String secret : secrets) {
                                if (value != null && value.contains(secret)) {
                                    findings.add(table + "." + columns.getColumnName(column));
                                }
                            }
                        }
                    }
                }
            }

            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT secret_hash, secret_prefix FROM credential WHERE id = '"
                            + second.credentialId() + "'")) {
                assertTrue(rows.next(), "the credential row is missing");
                assertEquals(sha256(second.clientSecret()), rows.getString(1));
                assertEquals(second.clientSecret().substring(0, 6), rows.getString(2));
            }
        }

        assertTrue(tablesRead >= 8, "expected to read every application table, read " + tablesRead);
        assertEquals(List.of(), findings, "a Client Secret is stored in plain text");
    }
}
