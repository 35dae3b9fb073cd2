package org.frontdoor.allocation.domain;

/** The red/amber/green status duty managers read at a glance (API.md: GREEN, AMBER, RED). */
public enum Rag {
    GREEN,
    AMBER,
    RED
}
