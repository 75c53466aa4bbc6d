package io.warden.ticket;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One page of a cross-workspace ticket query; {@code continuationToken} is null on the last page. */
@JsonbPropertyOrder({"items", "continuationToken"})
public record TicketPage(List<TicketView> items, @JsonbNillable String continuationToken) {
}
