package org.frontdoor.events;

/**
 * What an alert is about (the {@code subjectType} of {@value EventTypes#ALERT_RAISED} and
 * {@value EventTypes#ALERT_RESOLVED}); the one list every service checks. The alert's
 * {@code subjectId} is the id of that thing, and a {@link #CASE} or {@link #CONTACT} alert also
 * carries the child's {@code childRef}.
 */
public enum AlertSubject {
    /** A case; {@code subjectId} is the case's id (UUID). */
    CASE,
    /** A worker; {@code subjectId} is the worker's external id. */
    WORKER,
    /** A team; {@code subjectId} is the team. */
    TEAM,
    /** A contact; {@code subjectId} is the contact's id (UUID). */
    CONTACT;

    /** Whether an alert about this kind of subject is about one child, and so carries its {@code childRef}. */
    public boolean aboutAChild() {
        return this == CASE || this == CONTACT;
    }
}
