package io.warden.incident;

/** An incident with its ETag, for the {@code ETag} response header. */
public record VersionedIncident(IncidentView incident, String etag) {
}
