package io.warden.serviceaccount;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import io.warden.serviceaccount.ServiceAccountRequests.WorkspaceAccessBody;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A partial update of a service account, read from the raw JSON object so that an absent field
 * ("leave as is") differs from a null one ("clear", allowed for the description only).
 */
public record ServiceAccountPatch(Optional<String> name, Optional<Optional<String>> description,
        Optional<WorkspaceAccessBody> workspaceAccess, List<String> fieldNames) {

    private static final Set<String> FIELDS = Set.of("name", "description", "workspaceAccess");

    public static ServiceAccountPatch parse(JsonObject body) {
        if (body == null) {
            throw ProblemException.badRequest("The request body is missing: send a JSON object with any of "
                    + "name, description, workspaceAccess.");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                String hint = field.equals("scopes") || field.equals("expiresAt")
                        ? "scopes and expiry belong to credentials: issue a new credential and revoke the old one"
                        : "is not a field that can be updated; use name, description or workspaceAccess";
                errors.add(new FieldError(field, hint));
            }
        }

        Optional<String> name = Optional.empty();
        if (body.containsKey("name")) {
            JsonValue value = body.get("name");
            if (!(value instanceof JsonString text) || text.getString().isBlank() || text.getString().length() > 200) {
                errors.add(new FieldError("name", "must be a string of 1 to 200 characters, not blank"));
            } else {
                name = Optional.of(text.getString().strip());
            }
        }

        Optional<Optional<String>> description = Optional.empty();
        if (body.containsKey("description")) {
            JsonValue value = body.get("description");
            if (value == JsonValue.NULL) {
                description = Optional.of(Optional.empty());
            } else if (!(value instanceof JsonString text) || text.getString().length() > 1000) {
                errors.add(new FieldError("description", "must be a string of at most 1000 characters, or null"));
            } else {
                description = Optional.of(Optional.of(text.getString()));
            }
        }

        Optional<WorkspaceAccessBody> access = Optional.empty();
        if (body.containsKey("workspaceAccess")) {
            access = parseAccess(body.get("workspaceAccess"), errors);
        }

        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        if (body.isEmpty()) {
            throw ProblemException.badRequest("The request changes nothing: send any of name, description, "
                    + "workspaceAccess.");
        }
        return new ServiceAccountPatch(name, description, access, List.copyOf(body.keySet()));
    }

    private static Optional<WorkspaceAccessBody> parseAccess(JsonValue value, List<FieldError> errors) {
        String shape = "must be {\"allWorkspaces\": true} or {\"workspaceIds\": [\"...\"]}";
        if (!(value instanceof JsonObject object)) {
            errors.add(new FieldError("workspaceAccess", shape));
            return Optional.empty();
        }
        WorkspaceAccessBody body = new WorkspaceAccessBody();
        JsonValue all = object.get("allWorkspaces");
        if (all != null && all != JsonValue.NULL) {
            if (all != JsonValue.TRUE && all != JsonValue.FALSE) {
                errors.add(new FieldError("workspaceAccess.allWorkspaces", "must be true or false"));
                return Optional.empty();
            }
            body.allWorkspaces = all == JsonValue.TRUE;
        }
        JsonValue ids = object.get("workspaceIds");
        if (ids != null && ids != JsonValue.NULL) {
            if (!(ids instanceof JsonArray array) || array.stream().anyMatch(id -> !(id instanceof JsonString))) {
                errors.add(new FieldError("workspaceAccess.workspaceIds", "must be a list of workspace ids"));
                return Optional.empty();
            }
            body.workspaceIds = array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        return Optional.of(body);
    }
}
