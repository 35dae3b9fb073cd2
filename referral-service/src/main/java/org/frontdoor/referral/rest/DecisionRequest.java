package org.frontdoor.referral.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.frontdoor.events.ContactOutcome;

/**
 * The body of {@code POST /contacts/{id}/decision}. {@code decidedBy} defaults to the signed-in user;
 * the rationale stays in this service and never travels on an event.
 */
public record DecisionRequest(
        @NotNull ContactOutcome outcome,
        Instant decidedAt,
        @Size(max = 64) @Pattern(regexp = NewContactRequest.CODE, message = "may hold only letters, digits, '.', '_' and '-'")
        String decidedBy,
        @Size(max = 4000) String rationale) {
}
