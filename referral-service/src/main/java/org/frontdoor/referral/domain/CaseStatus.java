package org.frontdoor.referral.domain;

/** Whether a case (a child-in-need episode) is still open. */
public enum CaseStatus {
    OPEN,
    CLOSED
}
