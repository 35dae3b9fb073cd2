package org.frontdoor.events;

/** How a contact reached the front door (API.md enum {@code channel}); the one list every service checks. */
public enum Channel {
    PHONE,
    EMAIL,
    PORTAL,
    IN_PERSON,
    LETTER
}
