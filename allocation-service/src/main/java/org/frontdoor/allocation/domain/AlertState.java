package org.frontdoor.allocation.domain;

/** Whether an alert still stands or its condition has cleared (API.md {@code GET /alerts?state=}). */
public enum AlertState {
    ACTIVE,
    RESOLVED
}
