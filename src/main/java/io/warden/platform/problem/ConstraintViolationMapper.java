package io.warden.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/**
 * Maps Bean Validation failures on request bodies and parameters to a 400 that names each field.
 * The property path of a resource-method parameter starts with the method and argument nodes,
 * which mean nothing to a caller, so only the nodes below the argument are kept.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (errors.isEmpty()) {
            return Problem.response(400, "Bad Request", "The request is invalid.", List.of());
        }
        ProblemException problem = ProblemException.invalidFields(errors);
        return Problem.response(400, problem.title(), problem.getMessage(), problem.fieldErrors());
    }

    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> name.setLength(0);
                case PARAMETER -> name.setLength(0);
                default -> {
                    if (node.getName() == null) {
                        continue;
                    }
                    if (!name.isEmpty()) {
                        name.append('.');
                    }
                    name.append(node.getName());
                }
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }
}
