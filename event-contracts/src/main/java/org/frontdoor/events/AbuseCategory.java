package org.frontdoor.events;

/**
 * The category of abuse of a child protection plan (DOMAIN.md §3, API.md enum {@code category}); the
 * one list every service checks.
 */
public enum AbuseCategory {
    /** Neglect. */
    NEG,
    /** Physical abuse. */
    PHY,
    /** Sexual abuse. */
    SAB,
    /** Emotional abuse. */
    EMO,
    /** Multiple categories. */
    MUL
}
