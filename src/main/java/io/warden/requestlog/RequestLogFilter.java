package io.warden.requestlog;

import io.warden.auth.RequestPaths;
import io.warden.platform.ServerClock;
import io.warden.platform.config.WardenConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import java.util.UUID;

/**
 * Hands every finished request made with a service-account credential to the request-log buffer,
 * with its final status and latency, and records the credential's use. It only queues: the
 * database is written by {@link RequestLogWriter}.
 */
@Provider
@Priority(Priorities.USER - 500)
public class RequestLogFilter implements ContainerResponseFilter {

    private static final int MAX_PATH_LENGTH = 2000;
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    @Inject
    RequestLogBuffer buffer;

    @Inject
    WardenConfig config;

    @Context
    HttpServletRequest servletRequest;

    private ClientAddress clientAddress;

    @PostConstruct
    void readTrustedProxies() {
        clientAddress = new ClientAddress(config.trustedProxies());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CredentialUse.PROPERTY) instanceof CredentialUse use)) {
            return;
        }
        Instant now = ServerClock.now();
        long latencyMillis = Math.max(0, (System.nanoTime() - use.startNanos()) / 1_000_000);
        if (use.authenticated()) {
            buffer.touch(use.credentialId(), now);
        }

        String path = LogText.clean(RequestPaths.normalize(servletRequest.getRequestURI()), MAX_PATH_LENGTH);
        buffer.offer(new RequestRecord(UUID.randomUUID().toString(), now, use.clientId(), use.credentialId(),
                use.secretPrefix(), LogText.clean(request.getMethod(), 16), path, response.getStatus(),
                (int) Math.min(Integer.MAX_VALUE, latencyMillis),
                clientAddress.sourceOf(servletRequest.getRemoteAddr(), request.getHeaderString(FORWARDED_FOR))));
    }
}
