package org.frontdoor.referral.domain;

/** Where a contact is in the front door: waiting for a manager's decision, or decided. */
public enum ContactStatus {
    AWAITING_DECISION,
    DECIDED
}
