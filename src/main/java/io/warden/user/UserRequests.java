package io.warden.user;

import io.warden.auth.ClientIds;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses and validates the bodies of the user API. Every rejected field is reported at once, as a
 * 400 whose {@code errors} name the field and the rule it broke.
 */
public final class UserRequests {

    static final int MAX_LOGIN_NAME = 320;
    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_EMAIL = 320;
    static final int MAX_WORKSPACE_IDS = 1000;
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;

    private UserRequests() {
    }

    /** A validated request to add a user. */
    public record NewUser(String loginName, String displayName, String email, OrganizationRole role,
            AccessRequest workspaceAccess) {
    }

    /**
     * Workspace access as sent, checked only for its shape here. The service checks the ids against
     * the organization and the caller's own access.
     */
    public record AccessRequest(Boolean allWorkspaces, List<String> workspaceIds) {

        static final AccessRequest ALL = new AccessRequest(true, null);
    }

    /** A validated profile change; a field left out of the body is not changed. */
    public record ProfileChange(Optional<String> displayName, boolean emailPresent, String email,
            Optional<AccessRequest> workspaceAccess) {

        public boolean isEmpty() {
            return displayName.isEmpty() && !emailPresent && workspaceAccess.isEmpty();
        }
    }

    public static NewUser parseNewUser(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        String loginName = requiredString(body, "loginName", errors);
        String displayName = requiredString(body, "displayName", errors);
        if (loginName != null) {
            validateLoginName(loginName, errors);
        }
        if (displayName != null) {
            validateDisplayName(displayName, errors);
        }
        String email = optionalString(body, "email", errors);
        if (email != null) {
            validateEmail(email, errors);
        }
        OrganizationRole role = parseRole(body, errors);
        AccessRequest access = body.containsKey("workspaceAccess") ? parseAccess(body, errors) : AccessRequest.ALL;
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new NewUser(loginName, displayName, email, role, access);
    }

    public static ProfileChange parseProfileChange(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : body.keySet()) {
            if (!field.equals("displayName") && !field.equals("email") && !field.equals("workspaceAccess")) {
                errors.add(new FieldError(field, "cannot be changed here; send displayName, email or workspaceAccess "
                        + "(the role has its own route, PUT /api/v2/users/{userId}/role)"));
            }
        }

        Optional<String> displayName = Optional.empty();
        if (body.containsKey("displayName")) {
            String value = requiredString(body, "displayName", errors);
            if (value != null && validateDisplayName(value, errors)) {
                displayName = Optional.of(value);
            }
        }
        String email = optionalString(body, "email", errors);
        if (email != null) {
            validateEmail(email, errors);
        }
        Optional<AccessRequest> access = body.containsKey("workspaceAccess")
                ? Optional.ofNullable(parseAccess(body, errors))
                : Optional.empty();
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new ProfileChange(displayName, body.containsKey("email"), email, access);
    }

    public static OrganizationRole parseRoleChange(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        OrganizationRole role = parseRole(body, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return role;
    }

    /**
     * Reads {@code workspaceAccess}: {@code {"allWorkspaces": true}} or {@code {"workspaceIds": [...]}}
     * with at most {@value #MAX_WORKSPACE_IDS} ids. Returns null after recording an error.
     */
    private static AccessRequest parseAccess(JsonObject body, List<FieldError> errors) {
        String shape = "must be {\"allWorkspaces\": true} or {\"workspaceIds\": [\"...\"]}";
        if (!(body.get("workspaceAccess") instanceof JsonObject access)) {
            errors.add(new FieldError("workspaceAccess", shape));
            return null;
        }
        Boolean all = null;
        JsonValue allValue = access.get("allWorkspaces");
        if (allValue == JsonValue.TRUE || allValue == JsonValue.FALSE) {
            all = allValue == JsonValue.TRUE;
        } else if (allValue != null && allValue != JsonValue.NULL) {
            errors.add(new FieldError("workspaceAccess.allWorkspaces", "must be true or false"));
            return null;
        }

        List<String> ids = null;
        JsonValue idsValue = access.get("workspaceIds");
        if (idsValue instanceof JsonArray array) {
            if (array.size() > MAX_WORKSPACE_IDS || !array.stream().allMatch(JsonString.class::isInstance)) {
                errors.add(new FieldError("workspaceAccess.workspaceIds", "must be an array of at most "
                        + MAX_WORKSPACE_IDS + " workspace ids (strings)"));
                return null;
            }
            ids = array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        } else if (idsValue != null && idsValue != JsonValue.NULL) {
            errors.add(new FieldError("workspaceAccess.workspaceIds", "must be an array of workspace ids"));
            return null;
        }
        if (all == null && ids == null) {
            errors.add(new FieldError("workspaceAccess", shape));
            return null;
        }
        return new AccessRequest(all, ids);
    }

    /** A self-service password change. The service checks the current password against the stored hash. */
    public record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[hidden]";
        }
    }

    /**
     * Reads a password change. The new password must have {@value #MIN_PASSWORD} to
     * {@value #MAX_PASSWORD} characters, must not be blank and must differ from the current one.
     */
    public static PasswordChange parsePasswordChange(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        String current = requiredString(body, "currentPassword", errors);
        String next = requiredString(body, "newPassword", errors);
        if (next != null) {
            if (next.length() < MIN_PASSWORD || next.length() > MAX_PASSWORD || next.isBlank()) {
                errors.add(new FieldError("newPassword", "must have " + MIN_PASSWORD + " to " + MAX_PASSWORD
                        + " characters and not be blank"));
            } else if (next.equals(current)) {
                errors.add(new FieldError("newPassword", "must differ from the current password"));
            }
        }
        for (String field : body.keySet()) {
            if (!field.equals("currentPassword") && !field.equals("newPassword")) {
                errors.add(new FieldError(field, "is not a field of a password change; send currentPassword and "
                        + "newPassword"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new PasswordChange(current, next);
    }

    /**
     * Checks a login name. It must not be UUID-shaped, because the authentication filter treats a
     * UUID as a service account's Client ID, and must not contain a colon, because HTTP Basic splits
     * the user id from the password at the first colon.
     */
    static void validateLoginName(String loginName, List<FieldError> errors) {
        if (loginName.isEmpty() || loginName.length() > MAX_LOGIN_NAME) {
            errors.add(new FieldError("loginName", "must have 1 to " + MAX_LOGIN_NAME + " characters"));
        } else if (!loginName.strip().equals(loginName)) {
            errors.add(new FieldError("loginName", "must not start or end with white space"));
        } else if (loginName.indexOf(':') >= 0) {
            errors.add(new FieldError("loginName", "must not contain a colon"));
        } else if (loginName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("loginName", "must not contain control characters"));
        } else if (ClientIds.isClientId(loginName)) {
            errors.add(new FieldError("loginName", "must not be a UUID, because UUIDs sign in service accounts"));
        }
    }

    private static boolean validateDisplayName(String displayName, List<FieldError> errors) {
        if (displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME) {
            errors.add(new FieldError("displayName", "must have 1 to " + MAX_DISPLAY_NAME
                    + " characters and not be blank"));
            return false;
        }
        return true;
    }

    /** Checks the shape {@code local@domain} only; whether the mailbox exists is not checked. */
    static void validateEmail(String email, List<FieldError> errors) {
        int at = email.indexOf('@');
        boolean shaped = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1
                && email.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
        if (email.length() > MAX_EMAIL || !shaped) {
            errors.add(new FieldError("email", "must be an email address such as ana@example.com, at most "
                    + MAX_EMAIL + " characters"));
        }
    }

    private static OrganizationRole parseRole(JsonObject body, List<FieldError> errors) {
        String name = requiredString(body, "role", errors);
        if (name == null) {
            return null;
        }
        Optional<OrganizationRole> role = OrganizationRole.fromName(name);
        if (role.isEmpty()) {
            errors.add(new FieldError("role", "is not a known role: " + name + "; valid roles are "
                    + String.join(", ", OrganizationRole.names())));
            return null;
        }
        return role.get();
    }

    private static String requiredString(JsonObject body, String field, List<FieldError> errors) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return ((JsonString) value).getString();
    }

    private static String optionalString(JsonObject body, String field, List<FieldError> errors) {
        JsonValue value = body.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldError(field, "must be a string or null"));
            return null;
        }
        return ((JsonString) value).getString();
    }
}
