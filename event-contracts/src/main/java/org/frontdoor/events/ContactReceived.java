package org.frontdoor.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@value EventTypes#CONTACT_RECEIVED}: a contact about one child reached the front door,
 * which starts the contact-decision clock.
 *
 * @param contactId the contact's id (UUID)
 * @param childRef pseudonymous child reference; also the record key
 * @param occurredAt when the contact was received (business time the clocks use)
 * @param source census source code, one of {@link SourceCodes#ALL}
 * @param channel one of {@link Channel}
 * @param outOfHours whether the emergency duty team took it
 * @param team the front-door team that owns it
 * @param contactGroup shared by contacts about siblings, or null
 * @param decisionDueBy the local date the decision is due by
 * @param concerns concern codes, or null; never free text
 * @param child the child's age, gender and ethnicity codes, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactReceived(
        String contactId,
        String childRef,
        Instant occurredAt,
        String source,
        String channel,
        boolean outOfHours,
        String team,
        String contactGroup,
        LocalDate decisionDueBy,
        List<String> concerns,
        ChildProfile child) {

    public ContactReceived {
        concerns = concerns == null ? null : List.copyOf(concerns);
    }
}
