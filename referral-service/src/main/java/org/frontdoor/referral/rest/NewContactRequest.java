package org.frontdoor.referral.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.frontdoor.events.Channel;

/** The body of {@code POST /contacts} (API.md); nothing about the child beyond DOMAIN.md §7. */
public record NewContactRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "may hold only letters, digits, '.', '_' and '-'")
        String childRef,
        Instant receivedAt,
        @NotNull @Pattern(regexp = SOURCE, message = "must be a CIN census source code: 1A-1D, 2A, 2B, 3A-3F, 4, 5A-5D, 6, 7, 8, 9 or 10")
        String source,
        @NotNull Channel channel,
        @NotNull Boolean outOfHours,
        @NotBlank @Size(max = 64) @Pattern(regexp = CODE, message = "may hold only letters, digits, '.', '_' and '-'")
        String team,
        @Size(max = 64) @Pattern(regexp = CODE, message = "may hold only letters, digits, '.', '_' and '-'")
        String contactGroup,
        @Size(max = 20) List<@NotBlank @Size(max = 16) @Pattern(regexp = CODE, message = "must be a concern code") String> concerns,
        @Valid ChildRequest child) {

    static final String CODE = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    static final String SOURCE = "^(1[A-D]|2[AB]|3[A-F]|4|5[A-D]|6|7|8|9|10)$";

    /** What the inspection lists and equality monitoring need: birth month and codes, never a name or full date. */
    public record ChildRequest(
            @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "must be a month YYYY-MM") String birthMonth,
            @Size(max = 8) @Pattern(regexp = "^[A-Za-z0-9]+$", message = "must be a gender code") String gender,
            @Size(max = 8) @Pattern(regexp = "^[A-Za-z0-9]+$", message = "must be an ethnicity code") String ethnicity) {
    }
}
