package org.frontdoor.kit.security;

/** The role names of API.md, in one place so a typo cannot silently lock a resource. */
public final class Roles {

    public static final String DUTY_MANAGER = "duty-manager";
    public static final String SOCIAL_WORKER = "social-worker";
    public static final String PERFORMANCE = "performance";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
