package io.warden.requestlog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Reports the request-log buffer on {@code /health/live}: entries waiting and entries dropped since
 * start. Dropping does not make the server unhealthy; the figure is there so operators can see it.
 */
@Liveness
@ApplicationScoped
public class RequestLogHealthCheck implements HealthCheck {

    @Inject
    RequestLogBuffer buffer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("request-log")
                .withData("queued", buffer.queuedCount())
                .withData("dropped", buffer.droppedCount())
                .up()
                .build();
    }
}
