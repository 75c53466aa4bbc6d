package io.warden.gamebook;

import io.warden.platform.importing.ItemReader;
import io.warden.platform.problem.FieldError;
import io.warden.platform.problem.ProblemException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Warden's Gamebook import format:
 * {@code {"gamebooks": [{"id", "name", "description", "trigger", "enabled", "runs": [{"id",
 * "incidentId", "status", "startedAt", "finishedAt"}]}]}}. Every item is validated before anything
 * is stored; all problems are reported together, each under its path, such as
 * {@code gamebooks[1].runs[0].startedAt}. Unknown fields and null optional fields are accepted.
 */
final class GamebookParser {

    static final int MAX_ITEMS = 5000;
    static final int MAX_RUNS = 10000;
    static final Set<String> RUN_STATUSES = Set.of("queued", "running", "succeeded", "failed", "cancelled");

    private GamebookParser() {
    }

    /** A Gamebook and its runs, not yet stored. */
    record Item(Gamebook gamebook, List<GamebookRun> runs) {
    }

    /** Parses and validates the body; the result keeps one item per Gamebook id, the last one given. */
    static List<Item> parse(String workspaceId, JsonObject body) {
        JsonArray items = ItemReader.items(body, "gamebooks", MAX_ITEMS,
                "{\"gamebooks\": [ {\"id\", \"name\", \"description\", \"trigger\", \"enabled\", \"runs\": [...]} ]}");
        List<FieldError> errors = new ArrayList<>();
        Map<String, Item> result = new LinkedHashMap<>();
        int runCount = 0;
        for (int i = 0; i < items.size(); i++) {
            ItemReader reader = new ItemReader("gamebooks[" + i + "]", errors);
            JsonObject item = reader.object(items.get(i), "a Gamebook object");
            if (item == null) {
                continue;
            }
            Gamebook gamebook = new Gamebook(workspaceId, reader.string(item, "id", "id", 100, true));
            gamebook.name = reader.string(item, "name", "name", 200, true);
            gamebook.description = reader.string(item, "description", "description", 4000, false);
            gamebook.trigger = reader.string(item, "trigger", "trigger", 100, false);
            Boolean enabled = reader.bool(item, "enabled", "enabled", false);
            gamebook.enabled = enabled == null || enabled;

            JsonArray runs = reader.array(item, "runs", "runs");
            runCount += runs.size();
            List<GamebookRun> parsedRuns = new ArrayList<>();
            for (int r = 0; r < runs.size(); r++) {
                GamebookRun run = run(new ItemReader(reader.path() + ".runs[" + r + "]", errors), workspaceId,
                        gamebook.id, runs.get(r) instanceof JsonObject object ? object : null);
                if (run != null) {
                    parsedRuns.add(run);
                }
            }
            if (reader.valid()) {
                result.put(gamebook.id, new Item(gamebook, parsedRuns));
            }
        }
        if (runCount > MAX_RUNS) {
            throw ProblemException.invalidField("gamebooks", "has " + runCount + " runs; send at most " + MAX_RUNS
                    + " per request");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return List.copyOf(result.values());
    }

    private static GamebookRun run(ItemReader reader, String workspaceId, String gamebookId, JsonObject item) {
        if (item == null) {
            reader.reject("", "must be a run object");
            return null;
        }
        GamebookRun run = new GamebookRun(workspaceId, reader.string(item, "id", "id", 100, true));
        run.gamebookId = gamebookId;
        run.incidentId = reader.string(item, "incidentId", "incidentId", 100, false);
        run.status = reader.oneOf(item, "status", "status", RUN_STATUSES, true);
        run.startedAt = reader.isoTime(item, "startedAt", "startedAt", true);
        run.finishedAt = reader.isoTime(item, "finishedAt", "finishedAt", false);
        if (run.startedAt != null && run.finishedAt != null && run.finishedAt.isBefore(run.startedAt)) {
            reader.reject("finishedAt", "must not be before startedAt");
        }
        return reader.valid() ? run : null;
    }
}
