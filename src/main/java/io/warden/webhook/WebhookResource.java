package io.warden.webhook;

import io.warden.auth.Caller;
import io.warden.platform.paging.KeyPage;
import io.warden.platform.paging.TimePage;
import io.warden.platform.persistence.TransientFailures;
import io.warden.scope.RequiresScope;
import io.warden.scope.Scope;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Management of the organization's webhooks (v2). */
@Path("/v2/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    WebhookDeliveryService deliveries;

    @Context
    SecurityContext securityContext;

    @POST
    @RequiresScope(Scope.WEBHOOKS_MANAGE)
    @Operation(summary = "Create a webhook",
            description = "Body: name, url (https://, and no loopback, link-local or private address unless the "
                    + "host is in WARDEN_WEBHOOK_ALLOWED_HOSTS), eventTypes and optionally followRedirects "
                    + "(default false; when true, up to 3 redirects are followed, each target checked like url). "
                    + "The response carries signingSecret, shown in this response only.")
    @APIResponse(responseCode = "201", description = "The webhook, with its signingSecret")
    public Response create(JsonObject body) {
        WebhookView created = webhooks.create(Caller.of(securityContext), body);
        return Response.created(URI.create("/api/v2/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @RequiresScope(Scope.WEBHOOKS_READ)
    @Operation(summary = "List the organization's webhooks, by name",
            description = "pageSize 1-500 (default 100); pass nextCursor as cursor for the next page.")
    public TimePage.Page<WebhookView> list(@QueryParam("pageSize") String pageSize,
            @QueryParam("cursor") String cursor) {
        return webhooks.list(Caller.of(securityContext), KeyPage.parse(pageSize, cursor));
    }

    @GET
    @Path("/{webhookId}")
    @RequiresScope(Scope.WEBHOOKS_READ)
    @Operation(summary = "Get a webhook")
    public WebhookView get(@PathParam("webhookId") String webhookId) {
        return webhooks.get(Caller.of(securityContext), webhookId);
    }

    @PATCH
    @Path("/{webhookId}")
    @RequiresScope(Scope.WEBHOOKS_MANAGE)
    @Operation(summary = "Update name, url, eventTypes or followRedirects", description = "Fields left out stay as they are.")
    public WebhookView update(@PathParam("webhookId") String webhookId, JsonObject body) {
        return webhooks.update(Caller.of(securityContext), webhookId, body);
    }

    @DELETE
    @Path("/{webhookId}")
    @RequiresScope(Scope.WEBHOOKS_MANAGE)
    @Operation(summary = "Delete a webhook")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("webhookId") String webhookId) {
        Caller caller = Caller.of(securityContext);
        TransientFailures.retry("Deleting webhook " + webhookId, () -> webhooks.delete(caller, webhookId));
        return Response.noContent().build();
    }

    @POST
    @Path("/{webhookId}/pause")
    @RequiresScope(Scope.WEBHOOKS_MANAGE)
    @Operation(summary = "Pause a webhook", description = "A paused webhook sends nothing until it is resumed.")
    public WebhookView pause(@PathParam("webhookId") String webhookId) {
        return webhooks.pause(Caller.of(securityContext), webhookId);
    }

    @POST
    @Path("/{webhookId}/resume")
    @RequiresScope(Scope.WEBHOOKS_MANAGE)
    @Operation(summary = "Resume a paused webhook",
            description = "Events skipped while the webhook was paused are not sent unless replaySkipped=true. "
                    + "Then they are queued again with their delivery ids, oldest first, and replayedEvents "
                    + "in the response counts them.")
    public WebhookView resume(@PathParam("webhookId") String webhookId,
            @QueryParam("replaySkipped") String replaySkipped) {
        return webhooks.resume(Caller.of(securityContext), webhookId, WebhookRequests.parseFlag("replaySkipped",
                replaySkipped));
    }

    @GET
    @Path("/{webhookId}/deliveries")
    @RequiresScope(Scope.WEBHOOKS_READ)
    @Operation(summary = "List the delivery attempts of a webhook, newest first",
            description = "Each row has attemptedAt, eventType, deliveryId, attempt, outcome (delivered, error or "
                    + "skipped), responseStatus, latencyMs and error. from and to (ISO-8601) limit attemptedAt; "
                    + "pageSize 1-500 (default 100); pass nextCursor as cursor for the next page.")
    public TimePage.Page<WebhookDeliveryLogView> listDeliveries(@PathParam("webhookId") String webhookId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("pageSize") String pageSize,
            @QueryParam("cursor") String cursor) {
        return deliveries.list(Caller.of(securityContext), webhookId, TimePage.parse(from, to, pageSize, cursor));
    }

    @POST
    @Path("/{webhookId}/test")
    @RequiresScope(Scope.WEBHOOKS_MANAGE)
    @Operation(summary = "Send a signed ping to the webhook now",
            description = "Returns the target's responseStatus (null when no response arrived), latencyMs and "
                    + "error. The attempt also appears in the delivery log with eventType ping.")
    public WebhookTestResult test(@PathParam("webhookId") String webhookId) {
        return deliveries.ping(Caller.of(securityContext), webhookId);
    }
}
