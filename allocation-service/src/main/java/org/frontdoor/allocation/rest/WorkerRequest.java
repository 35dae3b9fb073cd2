package org.frontdoor.allocation.rest;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /workers/{workerId}}. {@code caseloadThreshold} is the worker's own threshold in
 * cases per FTE; left out, the authority's default applies.
 */
public record WorkerRequest(
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$", message = "may hold only letters, digits, '.', '_' and '-'")
        String team,
        @NotNull @DecimalMin(value = "0.05", message = "must be at least 0.05") @DecimalMax(value = "1.5", message = "must be at most 1.5")
        BigDecimal fte,
        @NotNull Boolean caseHolding,
        @DecimalMin(value = "1", message = "must be at least 1") @DecimalMax(value = "100", message = "must be at most 100")
        BigDecimal caseloadThreshold) {
}
