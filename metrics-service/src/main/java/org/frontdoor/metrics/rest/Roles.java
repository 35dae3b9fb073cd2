package org.frontdoor.metrics.rest;

/** The role names of API.md that may use this service, in one place so a typo cannot silently lock a resource. */
public final class Roles {

    public static final String DUTY_MANAGER = "duty-manager";
    public static final String PERFORMANCE = "performance";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
