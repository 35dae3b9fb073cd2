package org.frontdoor.kit.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The {@code idempotency_key} table: one row per principal and key, written in the same transaction as the
 * command it guards, so that the key and the command's effects commit or vanish together.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager entityManager;

    public IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A key seen before: the fingerprint of the request that first used it, and the answer it got. */
    public record UsedKey(String fingerprint, RecordedResponse response) {
    }

    /**
     * Claims {@code key} for this request, or returns its earlier use. A concurrent first use of the same key
     * holds the unique index until it commits or rolls back, so this call waits for it and then sees its
     * answer, or claims the key itself if that request failed.
     *
     * @return empty when the key is new and now belongs to the caller's transaction
     */
    @Transactional(TxType.MANDATORY)
    public Optional<UsedKey> claim(String principal, String key, String fingerprint) {
        while (true) {
            int inserted = entityManager.createNativeQuery("""
                    INSERT INTO idempotency_key (principal, key, fingerprint) VALUES (?1, ?2, ?3)
                    ON CONFLICT DO NOTHING
                    """)
                    .setParameter(1, principal)
                    .setParameter(2, key)
                    .setParameter(3, fingerprint)
                    .executeUpdate();
            if (inserted == 1) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    SELECT fingerprint, status, body, location FROM idempotency_key WHERE principal = ?1 AND key = ?2
                    """)
                    .setParameter(1, principal)
                    .setParameter(2, key)
                    .getResultList();
            if (!rows.isEmpty()) {
                Object[] row = rows.get(0);
                RecordedResponse response = row[1] == null ? null
                        : new RecordedResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3]);
                return Optional.of(new UsedKey((String) row[0], response));
            }
            // Expired and deleted between the two statements: the key is free again.
        }
    }

    /** Stores the answer to the request that claimed the key, in the same transaction as its command. */
    @Transactional(TxType.MANDATORY)
    public void answer(String principal, String key, RecordedResponse response) {
        entityManager.createNativeQuery("""
                UPDATE idempotency_key SET status = ?3, body = CAST(?4 AS text), location = CAST(?5 AS text)
                WHERE principal = ?1 AND key = ?2
                """)
                .setParameter(1, principal)
                .setParameter(2, key)
                .setParameter(3, response.status())
                .setParameter(4, response.body())
                .setParameter(5, response.location())
                .executeUpdate();
    }

    /** Forgets keys first used before {@code cutoff}; returns how many. */
    @Transactional
    public int forgetUsedBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
