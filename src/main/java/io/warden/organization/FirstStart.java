package io.warden.organization;

import io.warden.platform.ServerClock;
import io.warden.platform.config.WardenConfig;
import io.warden.user.OrganizationRole;
import io.warden.user.PortalUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Prepares an empty database: one organization and its first Organization Admin, nothing else.
 *
 * <p>The admin's password comes from {@code WARDEN_ADMIN_PASSWORD}. Without it, a random password
 * is generated and written to an owner-only file in the data folder; the log names the file,
 * never the password.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class FirstStart {

    static final String PASSWORD_FILE = "admin-password.txt";
    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    @Inject
    WardenConfig config;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @PostConstruct
    void createFirstAdminIfEmpty() {
        long users = entityManager.createNamedQuery(PortalUser.COUNT, Long.class).getSingleResult();
        if (users > 0) {
            return;
        }

        Instant now = ServerClock.now();
        Organization organization = new Organization(config.organizationName(), now);
        entityManager.persist(organization);

        String password = config.adminPassword().orElseGet(this::generatePasswordFile);
        PortalUser admin = new PortalUser(organization.getId(), config.adminUser(), config.adminUser(),
                OrganizationRole.ORGANIZATION_ADMIN, passwordHash.generate(password.toCharArray()), now);
        entityManager.persist(admin);
        LOG.info(() -> "Created organization '" + organization.getName() + "' and its first Organization Admin '"
                + admin.getLoginName() + "'");
    }

    private String generatePasswordFile() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);

        Path file = config.dataDir().resolve(PASSWORD_FILE);
        try {
            Files.createDirectories(config.dataDir());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated admin password to " + file
                    + ": set WARDEN_DATA_DIR to a writable folder or set WARDEN_ADMIN_PASSWORD", e);
        }
        LOG.warning(() -> "WARDEN_ADMIN_PASSWORD is not set, so a password was generated for '" + config.adminUser()
                + "'. It is in " + file.toAbsolutePath() + " (readable by its owner only).");
        return password;
    }
}
