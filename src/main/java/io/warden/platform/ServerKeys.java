package io.warden.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionalException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Random keys the server generates for itself on first use and stores in the database, so every
 * node sharing that database uses the same key. When two nodes create one at the same moment, the
 * unique name lets one insert win and the other read it.
 */
@ApplicationScoped
public class ServerKeys {

    private static final Logger LOG = Logger.getLogger(ServerKeys.class.getName());
    private static final int KEY_BYTES = 32;

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    /** This bean through its proxy, so that {@link #insert} runs in a transaction of its own. */
    @Inject
    ServerKeys self;

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public byte[] key(String name) {
        return keys.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] existing = read(name);
        if (existing != null) {
            return existing;
        }
        try {
            self.insert(name);
        } catch (PersistenceException | TransactionalException e) {
            LOG.log(Level.FINE, "Server key " + name + " was not inserted; reading the one another node stored", e);
        }
        byte[] stored = read(name);
        if (stored == null) {
            throw new IllegalStateException("Server key " + name + " could be neither created nor read");
        }
        return stored;
    }

    private byte[] read(String name) {
        List<?> rows = entityManager.createNativeQuery("SELECT key_value FROM server_key WHERE name = ?")
                .setParameter(1, name)
                .getResultList();
        return rows.isEmpty() ? null : Base64.getDecoder().decode((String) rows.get(0));
    }

    /** Inserts a new random key; public so that the transaction interceptor applies to it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String name) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        entityManager.createNativeQuery("INSERT INTO server_key (name, key_value, created_at) VALUES (?, ?, ?)")
                .setParameter(1, name)
                .setParameter(2, Base64.getEncoder().encodeToString(key))
                .setParameter(3, ServerClock.now().toEpochMilli())
                .executeUpdate();
    }
}
