package io.warden.investigation;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Instant;

/** A sign-in as returned by the API, with the field names of the Graph {@code signIn} resource. */
@JsonbPropertyOrder({"id", "createdDateTime", "userDisplayName", "userPrincipalName", "userId", "appDisplayName",
        "appId", "ipAddress", "clientAppUsed", "succeeded", "status", "location", "conditionalAccessStatus",
        "riskLevelDuringSignIn", "riskState"})
public record SignInLogView(String id, Instant createdDateTime, String userDisplayName, String userPrincipalName,
        String userId, String appDisplayName, String appId, String ipAddress, String clientAppUsed, boolean succeeded,
        Status status, JsonObject location, String conditionalAccessStatus, String riskLevelDuringSignIn,
        String riskState) {

    /** The outcome: errorCode 0 is a success. */
    public record Status(int errorCode, String failureReason) {
    }

    static SignInLogView of(SignInLog row) {
        return new SignInLogView(row.id, row.createdAt, row.userDisplayName, row.userPrincipalName, row.userId,
                row.appDisplayName, row.appId, row.ipAddress, row.clientAppUsed, row.succeeded,
                new Status(row.errorCode, row.failureReason), parse(row.location), row.conditionalAccessStatus,
                row.riskLevelDuringSignIn, row.riskState);
    }

    private static JsonObject parse(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
