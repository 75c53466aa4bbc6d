package io.warden.incident;

import io.warden.auth.Caller;
import io.warden.platform.ServerClock;
import io.warden.platform.problem.ProblemException;
import io.warden.user.PortalUser;
import io.warden.workspace.WorkspaceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Changes the status, classification and owner of incidents, one transaction per incident, each
 * with a history entry naming the caller. Changes are checked against the ETag in {@code If-Match}
 * when one is sent, and a concurrent change that commits first makes the later one fail with 412.
 */
@ApplicationScoped
public class IncidentUpdateService {

    private static final Logger LOG = Logger.getLogger(IncidentUpdateService.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    IncidentEvents incidentEvents;

    @Inject
    IncidentDetailService details;

    @Inject
    IncidentHistory history;

    @Inject
    WorkspaceService workspaces;

    @Transactional
    public VersionedIncident update(Caller caller, String workspaceId, String incidentId, IncidentUpdate update, String ifMatch) {
        Incident incident = details.requireIncident(caller, workspaceId, incidentId);
        IncidentETags.requireMatch(ifMatch, incident.getRowVersion());

        boolean closing = "Closed".equals(update.status());
        String classification = closing ? update.classification() : null;
        String reason = closing ? update.classificationReason() : null;
        String comment = closing ? update.classificationComment() : null;
        IncidentHistory.Changes changes = new IncidentHistory.Changes()
                .field("status", incident.getStatus(), update.status())
                .field("classification", incident.getClassification(), classification)
                .field("classificationReason", incident.getClassificationReason(), reason)
                .field("classificationComment", incident.getClassificationComment(), comment);
        if (!changes.isEmpty()) {
            incident.changeStatus(update.status(), classification, reason, comment, ServerClock.now());
            flushOrFail(incident);
            JsonObject changed = changes.build();
            history.record(caller, incident.getWorkspaceId(), incident.getId(), IncidentHistory.INCIDENT_UPDATED,
                    changed);
            incidentEvents.updated(caller, incident, changed);
            LOG.info(() -> "Incident " + incident.getId() + " of workspace " + incident.getWorkspaceId()
                    + " set to " + update.status() + " by " + caller.actor());
        }
        return updated(caller, incident);
    }

    /** Assigns the incident to a portal user of the caller's organization, or unassigns it for a null id. */
    @Transactional
    public VersionedIncident assignOwner(Caller caller, String workspaceId, String incidentId, String userId, String ifMatch) {
        Incident incident = details.requireIncident(caller, workspaceId, incidentId);
        PortalUser user = null;
        if (userId != null) {
            user = entityManager.find(PortalUser.class, userId);
            if (user == null || user.isRemoved() || !user.getOrganizationId().equals(caller.organizationId())) {
                throw ProblemException.invalidField("userId", "is not a portal user of this organization: " + userId);
            }
        }
        IncidentETags.requireMatch(ifMatch, incident.getRowVersion());

        IncidentHistory.Changes changes = new IncidentHistory.Changes()
                .field("owner.userId", incident.getOwnerUserId(), userId)
                .field("owner.assignedTo", incident.getOwnerAssignedTo(), user == null ? null : user.getDisplayName())
                .field("owner.email", incident.getOwnerEmail(), user == null ? null : user.getEmail())
                .field("owner.userPrincipalName", incident.getOwnerUserPrincipalName(),
                        user == null ? null : user.getLoginName())
                .field("owner.objectId", incident.getOwnerObjectId(), null);
        if (!changes.isEmpty()) {
            incident.assign(user, ServerClock.now());
            flushOrFail(incident);
            JsonObject changed = changes.build();
            history.record(caller, incident.getWorkspaceId(), incident.getId(), IncidentHistory.OWNER_CHANGED,
                    changed);
            incidentEvents.updated(caller, incident, changed);
            LOG.info(() -> "Incident " + incident.getId() + " of workspace " + incident.getWorkspaceId()
                    + (userId == null ? " unassigned" : " assigned to user " + userId) + " by " + caller.actor());
        }
        return updated(caller, incident);
    }

    /**
     * Writes the change before anything else of the transaction, so that a concurrent change that
     * committed first is reported as 412 rather than as a failure of a later write.
     */
    private void flushOrFail(Incident incident) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException e) {
            LOG.fine(() -> "Concurrent change of incident " + incident.getId() + " rejected: " + e.getMessage());
            throw IncidentETags.stale();
        }
    }

    private VersionedIncident updated(Caller caller, Incident incident) {
        String workspaceName = workspaces.requireVisible(caller, incident.getWorkspaceId()).getName();
        return new VersionedIncident(IncidentView.of(incident, workspaceName), IncidentETags.of(incident.getRowVersion()));
    }
}
