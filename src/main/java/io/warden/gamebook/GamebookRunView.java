package io.warden.gamebook;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A Gamebook run as returned by the API, with the name of its Gamebook. */
@JsonbPropertyOrder({"id", "gamebookId", "gamebookName", "incidentId", "status", "startedAt", "finishedAt"})
public record GamebookRunView(String id, String gamebookId, String gamebookName, String incidentId, String status,
        Instant startedAt, Instant finishedAt) {

    static GamebookRunView of(GamebookRun run, String gamebookName) {
        return new GamebookRunView(run.id, run.gamebookId, gamebookName, run.incidentId, run.status, run.startedAt,
                run.finishedAt);
    }
}
