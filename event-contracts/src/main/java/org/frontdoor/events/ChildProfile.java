package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The little that events may say about a child (DOMAIN.md §7): enough for age bands, inspection
 * lists and equality monitoring, and never a name, address, full date of birth or NHS number.
 *
 * @param birthMonth birth month as {@code YYYY-MM}, or null when not known
 * @param gender the gender code, or null
 * @param ethnicity the ethnicity code, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChildProfile(String birthMonth, String gender, String ethnicity) {
}
