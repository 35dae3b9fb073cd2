package org.frontdoor.kit.audit;

import java.util.TreeSet;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.frontdoor.kit.persistence.TransactionStatements;

/**
 * Records who did or read what on which contact or case (ARCHITECTURE.md §4) in the append-only
 * {@code audit_event} table, inside the caller's transaction so an entry exists exactly when the action
 * committed. It keeps ids and names of actions only, never what a user wrote.
 */
@ApplicationScoped
public class AuditTrail {

    private final TransactionStatements statements;
    private final SecurityIdentity identity;

    public AuditTrail(TransactionStatements statements, SecurityIdentity identity) {
        this.statements = statements;
        this.identity = identity;
    }

    /**
     * Records an action by the signed-in user.
     *
     * @param action      what happened, {@code <entity>.<past-tense-verb>} such as {@code contact.decided}
     * @param subjectType the kind of thing acted on, such as {@code contact} or {@code case}
     * @param subjectId   its id
     */
    @Transactional(TxType.MANDATORY)
    public void record(String action, String subjectType, String subjectId) {
        record(action, subjectType, subjectId, null);
    }

    /** The same, naming the case the subject belongs to, so that a case's audit includes its contacts. */
    @Transactional(TxType.MANDATORY)
    public void record(String action, String subjectType, String subjectId, String caseId) {
        boolean inRequest = Arc.container().requestContext().isActive();
        String principal;
        String roles;
        if (!inRequest) {
            principal = "system";
            roles = "";
        } else if (identity.isAnonymous()) {
            principal = "anonymous";
            roles = "";
        } else {
            principal = identity.getPrincipal().getName();
            roles = String.join(",", new TreeSet<>(identity.getRoles()));
        }
        statements.update("""
                INSERT INTO audit_event (principal, roles, action, subject_type, subject_id, case_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """, principal, roles, action, subjectType, subjectId, caseId);
    }
}
