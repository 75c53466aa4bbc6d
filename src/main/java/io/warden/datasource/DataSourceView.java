package io.warden.datasource;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;

/** A data source as returned by the API; {@code lastSyncAt} is null when it never synchronized. */
@JsonbPropertyOrder({"id", "type", "name", "status", "lastSyncAt"})
public record DataSourceView(String id, String type, String name, String status,
        @JsonbNillable Instant lastSyncAt) {

    static DataSourceView of(DataSource row) {
        return new DataSourceView(row.id, row.type, row.name, row.status, row.lastSyncAt);
    }
}
