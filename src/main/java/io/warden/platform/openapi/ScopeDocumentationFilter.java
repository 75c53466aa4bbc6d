package io.warden.platform.openapi;

import io.warden.scope.AnyAuthenticatedCaller;
import io.warden.scope.RequiresOrganizationAdmin;
import io.warden.scope.RequiresScope;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents each operation's authorization from the annotation that enforces it, so the document
 * cannot drift from the code: the required scope (extension {@code x-required-scope} and a line in
 * the description) and the problem+json error responses. It also replaces the generated operation
 * ids, which name Java classes, with plain ones such as {@code serviceAccountCreate}.
 */
public class ScopeDocumentationFilter implements OASFilter {

    static final String ANY_CALLER = "none (any authenticated caller)";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        addProblemSchema(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), entry.getKey(), entry.getValue());
            }
        }
    }

    private void document(String path, PathItem.HttpMethod httpMethod, Operation operation) {
        Optional<Method> method = resourceMethod(operation.getOperationId());
        if (method.isPresent()) {
            String requirement = requirement(method.get());
            operation.addExtension("x-required-scope", requirement);
            String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
            operation.setDescription(description + "Required scope: " + requirement + ".");
            operation.setOperationId(plainOperationId(method.get()));
        }

        addProblem(operation, "401", "Missing or invalid credentials (same body for every cause)");
        addProblem(operation, "403", "Authenticated, but not allowed: missing scope, disabled account, inactive "
                + "credential, or a service account outside /api/v2");
        if (httpMethod == PathItem.HttpMethod.POST || httpMethod == PathItem.HttpMethod.PATCH
                || httpMethod == PathItem.HttpMethod.PUT) {
            addProblem(operation, "400", "Invalid request: the errors list names each rejected field");
        }
        if (path.contains("{")) {
            addProblem(operation, "404", "Not found, or in a workspace or organization the caller cannot see");
        }
    }

    private static String requirement(Method method) {
        RequiresScope scope = method.getAnnotation(RequiresScope.class);
        if (scope != null) {
            return scope.value().scopeName();
        }
        if (method.isAnnotationPresent(RequiresOrganizationAdmin.class)) {
            return "none; portal users with the Organization Admin role only";
        }
        return method.isAnnotationPresent(AnyAuthenticatedCaller.class) ? ANY_CALLER : "undeclared";
    }

    /** Finds the resource method named by an operation id of the form {@code package.Class_method}. */
    private static Optional<Method> resourceMethod(String operationId) {
        if (operationId == null || operationId.lastIndexOf('_') < 0) {
            return Optional.empty();
        }
        String className = operationId.substring(0, operationId.lastIndexOf('_'));
        String methodName = operationId.substring(operationId.lastIndexOf('_') + 1);
        try {
            Class<?> type = Class.forName(className, false, ScopeDocumentationFilter.class.getClassLoader());
            return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(methodName)).findFirst();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String plainOperationId(Method method) {
        String type = method.getDeclaringClass().getSimpleName().replace("Resource", "");
        String methodName = method.getName();
        return type.substring(0, 1).toLowerCase(Locale.ROOT) + type.substring(1)
                + methodName.substring(0, 1).toUpperCase(Locale.ROOT) + methodName.substring(1);
    }

    private static void addProblem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().hasAPIResponse(status)) {
            return;
        }
        Content content = OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        operation.getResponses().addAPIResponse(status, response);
    }

    private static void addProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema fieldError = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        Schema problem = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(fieldError));
        openAPI.getComponents().addSchema("Problem", problem);
    }
}
