package org.frontdoor.events;

/**
 * The kind of an allocation-service alert (API.md alert {@code kind}); the one list every service
 * checks. Each kind is always about the same kind of subject, {@link #subject()}, and the event
 * schemas hold the same pairing.
 */
public enum AlertKind {
    /** A case has waited unallocated for more than the local limit of working days (default 5). */
    CASE_UNALLOCATED_TOO_LONG(AlertSubject.CASE),
    /** A team's unallocated cases are above the local limit (default 20). */
    QUEUE_ABOVE_THRESHOLD(AlertSubject.TEAM),
    /** A case-holding worker's caseload per FTE is over their threshold (default 18). */
    CASELOAD_OVER_THRESHOLD(AlertSubject.WORKER),
    /** A contact has not been decided by its due date (1 working day from receipt). */
    CONTACT_DECISION_OVERDUE(AlertSubject.CONTACT);

    private final AlertSubject subject;

    AlertKind(AlertSubject subject) {
        this.subject = subject;
    }

    /** The kind of subject every alert of this kind is about. */
    public AlertSubject subject() {
        return subject;
    }
}
