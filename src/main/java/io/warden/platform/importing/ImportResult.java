package io.warden.platform.importing;

/** Counts of one import: items read from the body, of which created and updated. */
public record ImportResult(int imported, int created, int updated) {
}
