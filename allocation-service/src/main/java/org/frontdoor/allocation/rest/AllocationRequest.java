package org.frontdoor.allocation.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /cases/{caseId}/allocation}. {@code allocatedBy} defaults to the signed-in
 * manager; {@code overrideReason} lets a manager allocate to a worker at or over threshold.
 */
public record AllocationRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "may hold only letters, digits, '.', '_' and '-'")
        String workerId,
        Instant allocatedAt,
        @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "may hold only letters, digits, '.', '_' and '-'")
        String allocatedBy,
        @Size(max = 1000) String overrideReason) {
}
