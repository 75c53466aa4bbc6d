package io.warden.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserRequestsTest {

    private static JsonObject newUser(String loginName, String role) {
        return Json.createObjectBuilder()
                .add("loginName", loginName)
                .add("displayName", "Ana Analyst")
                .add("email", "ana@example.com")
                .add("role", role)
                .build();
    }

    private static List<String> rejectedFields(Runnable parse) {
        ProblemException problem = assertThrows(ProblemException.class, parse::run);
        assertEquals(400, problem.status());
        return problem.fieldErrors().stream().map(FieldError::field).toList();
    }

    private static List<FieldError> loginNameErrors(String loginName) {
        List<FieldError> errors = new ArrayList<>();
        UserRequests.validateLoginName(loginName, errors);
        return errors;
    }

    @Test
    void newUserAcceptsEmailLoginName() {
        UserRequests.NewUser user = UserRequests.parseNewUser(newUser("ana@example.com", "ANALYST"));

        assertEquals("ana@example.com", user.loginName());
        assertEquals("Ana Analyst", user.displayName());
        assertEquals("ana@example.com", user.email());
        assertEquals(OrganizationRole.ANALYST, user.role());
    }

    @Test
    void newUserAcceptsPlainName() {
        assertEquals("ana", UserRequests.parseNewUser(newUser("ana", "READ_ONLY")).loginName());
    }

    @Test
    void newUserWithoutEmail() {
        JsonObject body = Json.createObjectBuilder().add("loginName", "bo").add("displayName", "Bo")
                .add("role", "READ_ONLY").build();

        assertNull(UserRequests.parseNewUser(body).email());
    }

    @Test
    void newUserReportsEveryMissingField() {
        List<String> fields = rejectedFields(() -> UserRequests.parseNewUser(JsonValue.EMPTY_JSON_OBJECT));

        assertEquals(List.of("loginName", "displayName", "role"), fields);
    }

    @Test
    void newUserReportsFieldsInBodyOrder() {
        JsonObject body = Json.createObjectBuilder().add("loginName", "ana:admin").add("displayName", "")
                .add("email", "ana").add("role", "SUPERUSER").build();

        assertEquals(List.of("loginName", "displayName", "email", "role"),
                rejectedFields(() -> UserRequests.parseNewUser(body)));
    }

    @Test
    void unknownRoleRejected() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> UserRequests.parseNewUser(newUser("ana", "SUPERUSER")));

        assertEquals("role", problem.fieldErrors().get(0).field());
        assertTrue(problem.fieldErrors().get(0).message().contains("ORGANIZATION_ADMIN, ANALYST, READ_ONLY"),
                problem.fieldErrors().get(0).message());
    }

    @Test
    void loginNameRules() {
        assertEquals(List.of(), loginNameErrors("a"));
        assertEquals(List.of(), loginNameErrors("x".repeat(320)));
        assertEquals(1, loginNameErrors("").size());
        assertEquals(1, loginNameErrors("x".repeat(321)).size());
        assertEquals(1, loginNameErrors(" ana").size());
        assertEquals(1, loginNameErrors("ana:admin").size());
        assertEquals(1, loginNameErrors("ana\u0000").size());
        assertEquals(1, loginNameErrors("0b9f1f5e-7d3c-4c1a-9a53-2f4b1f0d8e11").size());
        assertEquals(1, loginNameErrors("0B9F1F5E-7D3C-4C1A-9A53-2F4B1F0D8E11").size());
    }

    @Test
    void emailRules() {
        for (String valid : List.of("ana@example.com", "a@b")) {
            List<FieldError> errors = new ArrayList<>();
            UserRequests.validateEmail(valid, errors);
            assertEquals(List.of(), errors, valid);
        }
        for (String invalid : List.of("ana", "@example.com", "ana@", "a@b@c", "ana @example.com",
                "a@" + "b".repeat(320))) {
            List<FieldError> errors = new ArrayList<>();
            UserRequests.validateEmail(invalid, errors);
            assertEquals(1, errors.size(), invalid);
        }
    }

    @Test
    void profileChangeKeepsMissingFields() {
        UserRequests.ProfileChange change = UserRequests.parseProfileChange(
                Json.createObjectBuilder().add("displayName", "Ana B.").build());

        assertEquals(Optional.of("Ana B."), change.displayName());
        assertFalse(change.emailPresent());
    }

    @Test
    void profileChangeNullEmailClears() {
        UserRequests.ProfileChange change = UserRequests.parseProfileChange(
                Json.createObjectBuilder().addNull("email").build());

        assertTrue(change.emailPresent());
        assertNull(change.email());
        assertEquals(Optional.empty(), change.displayName());
    }

    @Test
    void profileChangeRejectsRoleAndLoginName() {
        JsonObject body = Json.createObjectBuilder().add("role", "ORGANIZATION_ADMIN").add("loginName", "x").build();

        assertEquals(List.of("role", "loginName"), rejectedFields(() -> UserRequests.parseProfileChange(body)));
    }

    @Test
    void profileChangeRejectsBlankDisplayName() {
        JsonObject body = Json.createObjectBuilder().add("displayName", "  ").build();

        assertEquals(List.of("displayName"), rejectedFields(() -> UserRequests.parseProfileChange(body)));
    }

    @Test
    void roleChangeRequiresRole() {
        assertEquals(List.of("role"), rejectedFields(() -> UserRequests.parseRoleChange(JsonValue.EMPTY_JSON_OBJECT)));
        assertEquals(OrganizationRole.READ_ONLY,
                UserRequests.parseRoleChange(Json.createObjectBuilder().add("role", "READ_ONLY").build()));
    }
}
