package io.warden.ticket;

import java.time.Instant;

/** One validated ticket of an import body. */
record TicketRecord(String id, String externalSystem, String number, String shortDescription, String description,
        String state, String priority, String assignedTo, String callerId, Instant createdAt, Instant updatedAt) {
}
