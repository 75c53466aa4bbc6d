package io.warden.platform.problem;

import java.util.List;

/**
 * An expected failure that becomes an RFC 9457 problem+json response. Services throw it with the
 * status and a detail the caller can act on; field errors name each rejected request field.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> fieldErrors;

    public ProblemException(int status, String title, String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "Bad Request", "Invalid field '" + field + "': " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<FieldError> errors) {
        if (errors.size() == 1) {
            return invalidField(errors.get(0).field(), errors.get(0).message());
        }
        return new ProblemException(400, "Bad Request",
                "The request has " + errors.size() + " invalid fields; see 'errors'.", errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
