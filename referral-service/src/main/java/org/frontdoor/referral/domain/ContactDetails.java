package org.frontdoor.referral.domain;

import java.time.Instant;
import java.util.List;

import org.frontdoor.events.Channel;

/** What is known about a contact when it arrives: validated input to {@link Contact#receive}. */
public record ContactDetails(String childRef, Instant receivedAt, String source, Channel channel, boolean outOfHours,
        String team, String contactGroup, List<String> concerns, String birthMonth, String gender, String ethnicity) {
}
