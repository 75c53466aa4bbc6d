package io.warden.incident;

import java.time.Instant;

/** One incident as read from an import, validated and ready to store. */
record IncidentRecord(String id, Integer incidentNumber, String title, String description, String severity,
        String status, String classification, String classificationReason, String classificationComment,
        String ownerObjectId, String ownerEmail, String ownerUserPrincipalName, String ownerAssignedTo,
        String providerName, String providerIncidentId, String incidentUrl, String labelsJson, Instant createdTime,
        Instant lastModifiedTime, Instant firstActivityTime, Instant lastActivityTime, String relatedRuleIdsJson,
        Integer alertsCount, Integer bookmarksCount, Integer commentsCount) {
}
