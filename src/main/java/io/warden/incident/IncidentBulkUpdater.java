package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Applies a bulk status update item by item. Each item is its own transaction through
 * {@link IncidentUpdateService}, so one failing item leaves the others as they are. This bean has
 * no transaction of its own on purpose.
 */
@ApplicationScoped
public class IncidentBulkUpdater {

    private static final Logger LOG = Logger.getLogger(IncidentBulkUpdater.class.getName());
    static final int MAX_ITEMS = 500;
    private static final Set<String> ITEM_KEYS = Set.of("workspaceId", "incidentId");

    @Inject
    IncidentUpdateService updates;

    /** The outcome of one item: {@code updated}, {@code notFound} or {@code invalid} with the reason. */
    @JsonbPropertyOrder({"workspaceId", "incidentId", "result", "reason"})
    public record ItemResult(@JsonbNillable String workspaceId, @JsonbNillable String incidentId, String result,
            @JsonbNillable String reason) {
    }

    /** The outcome of every item, in request order. */
    public record Result(List<ItemResult> items) {
    }

    public Result apply(Caller caller, JsonObject body) {
        JsonValue value = body == null ? null : body.get("items");
        if (!(value instanceof JsonArray items) || items.isEmpty()) {
            throw ProblemException.invalidField("items", "is required: send {\"items\": [{\"workspaceId\": ..., "
                    + "\"incidentId\": ..., \"status\": ...}]} with 1 to " + MAX_ITEMS + " items");
        }
        if (items.size() > MAX_ITEMS) {
            throw ProblemException.invalidField("items", "has " + items.size() + " items; send at most " + MAX_ITEMS);
        }

        List<ItemResult> results = new ArrayList<>();
        for (JsonValue item : items) {
            results.add(applyItem(caller, item));
        }
        return new Result(results);
    }

    private ItemResult applyItem(Caller caller, JsonValue item) {
        if (!(item instanceof JsonObject object)) {
            return new ItemResult(null, null, "invalid", "must be an object");
        }
        String workspaceId = object.get("workspaceId") instanceof JsonString text ? text.getString() : null;
        String incidentId = object.get("incidentId") instanceof JsonString text ? text.getString() : null;
        List<FieldError> errors = new ArrayList<>();
        if (workspaceId == null) {
            errors.add(new FieldError("workspaceId", "is required"));
        }
        if (incidentId == null) {
            errors.add(new FieldError("incidentId", "is required"));
        }
        IncidentUpdate update = IncidentUpdate.read(object, ITEM_KEYS, "", errors);
        if (!errors.isEmpty()) {
            return new ItemResult(workspaceId, incidentId, "invalid", reason(errors));
        }

        try {
            updates.update(caller, workspaceId, incidentId, update, null);
            return new ItemResult(workspaceId, incidentId, "updated", null);
        } catch (ProblemException e) {
            LOG.fine(() -> "Bulk update of incident " + incidentId + " in workspace " + workspaceId + " by "
                    + caller.actor() + " failed with " + e.status() + ": " + e.getMessage());
            if (e.status() == 404) {
                return new ItemResult(workspaceId, incidentId, "notFound", null);
            }
            return new ItemResult(workspaceId, incidentId, "invalid", e.getMessage());
        }
    }

    private static String reason(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }
}
