package org.frontdoor.allocation.domain;

/** Whether the case is still open; a closed case is neither in the queue nor in anyone's caseload. */
public enum CaseStatus {
    OPEN,
    CLOSED
}
