package org.frontdoor.kit.idempotency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.frontdoor.kit.persistence.TransactionStatements;

/**
 * The {@code idempotency_key} table: one row per principal and key, written in the same transaction as the
 * command it guards, so that the key and the command's effects commit or vanish together.
 */
@ApplicationScoped
public class IdempotencyKeys {

    private final EntityManager entityManager;
    private final TransactionStatements statements;

    public IdempotencyKeys(EntityManager entityManager, TransactionStatements statements) {
        this.entityManager = entityManager;
        this.statements = statements;
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
            int inserted = statements.update("""
                    INSERT INTO idempotency_key (principal, key, fingerprint) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, principal, key, fingerprint);
            if (inserted == 1) {
                return Optional.empty();
            }
            List<UsedKey> used = statements.query("""
                    SELECT fingerprint, status, body, location FROM idempotency_key WHERE principal = ? AND key = ?
                    """, row -> {
                        int status = row.getInt(2);
                        RecordedResponse response = row.wasNull() ? null
                                : new RecordedResponse(status, row.getString(3), row.getString(4));
                        return new UsedKey(row.getString(1), response);
                    }, principal, key);
            if (!used.isEmpty()) {
                return Optional.of(used.get(0));
            }
            // Expired and deleted between the two statements: the key is free again.
        }
    }

    /** Stores the answer to the request that claimed the key, in the same transaction as its command. */
    @Transactional(TxType.MANDATORY)
    public void answer(String principal, String key, RecordedResponse response) {
        statements.update("""
                UPDATE idempotency_key SET status = ?, body = ?, location = ? WHERE principal = ? AND key = ?
                """, response.status(), response.body(), response.location(), principal, key);
    }

    /** Forgets keys first used before {@code cutoff}; returns how many. */
    @Transactional
    public int forgetUsedBefore(Instant cutoff) {
        return entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
