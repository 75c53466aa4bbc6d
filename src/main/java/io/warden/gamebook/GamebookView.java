package io.warden.gamebook;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A Gamebook as returned by the API. */
@JsonbPropertyOrder({"id", "name", "description", "trigger", "enabled"})
public record GamebookView(String id, String name, String description, String trigger, boolean enabled) {

    static GamebookView of(Gamebook gamebook) {
        return new GamebookView(gamebook.id, gamebook.name, gamebook.description, gamebook.trigger, gamebook.enabled);
    }
}
