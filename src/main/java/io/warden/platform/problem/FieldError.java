package io.warden.platform.problem;

/** One rejected request field and the rule it broke. */
public record FieldError(String field, String message) {
}
