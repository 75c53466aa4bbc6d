# Warden on the official Open Liberty image. Build first: mvn -DskipTests package
# (the WAR lands in target/warden.war and the JDBC drivers in target/jdbc/).
FROM icr.io/appcafe/open-liberty:26.0.0.5-kernel-slim-java17-openj9-ubi-minimal

COPY --chown=1001:0 server.xml /config/server.xml
COPY --chown=1001:0 liberty/jvm.options /config/jvm.options
RUN features.sh

COPY --chown=1001:0 target/jdbc/ /opt/ol/wlp/usr/shared/resources/jdbc/
COPY --chown=1001:0 target/warden.war /config/apps/warden.war

# Listen on every interface inside the container; the data folder holds generated files
# (and the embedded database when no PostgreSQL URL is set).
ENV WARDEN_HTTP_HOST=* \
    WARDEN_DATA_DIR=/opt/ol/wlp/output/defaultServer/warden-data

EXPOSE 9080 9443
RUN configure.sh
