package io.warden.incident;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of a cross-workspace query; {@code continuationToken} is null on the last page. */
@JsonbPropertyOrder({"items", "continuationToken"})
public record IncidentPage(List<IncidentView> items, @JsonbNillable String continuationToken) {
}
