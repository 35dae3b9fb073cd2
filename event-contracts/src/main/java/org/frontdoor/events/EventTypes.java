package org.frontdoor.events;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CloudEvents {@code ce_type} and {@code ce_source} values of API.md §Events, in one place so
 * that producers, consumers and tests cannot drift apart on a spelling.
 */
public final class EventTypes {

    public static final String CONTACT_RECEIVED = "frontdoor.contact.received.v1";
    public static final String CONTACT_DECIDED = "frontdoor.contact.decided.v1";
    public static final String CASE_OPENED = "frontdoor.case.opened.v1";
    public static final String ASSESSMENT_STARTED = "frontdoor.assessment.started.v1";
    public static final String ASSESSMENT_COMPLETED = "frontdoor.assessment.completed.v1";
    public static final String STRATEGY_DISCUSSION_HELD = "frontdoor.strategy-discussion.held.v1";
    public static final String SECTION47_STARTED = "frontdoor.section47.started.v1";
    public static final String SECTION47_COMPLETED = "frontdoor.section47.completed.v1";
    public static final String CONFERENCE_HELD = "frontdoor.conference.held.v1";
    public static final String CP_PLAN_ENDED = "frontdoor.cp-plan.ended.v1";
    public static final String CASE_CLOSED = "frontdoor.case.closed.v1";

    public static final String CASE_ALLOCATED = "frontdoor.case.allocated.v1";
    public static final String CASE_DEALLOCATED = "frontdoor.case.deallocated.v1";
    public static final String WORKER_UPDATED = "frontdoor.worker.updated.v1";
    public static final String ALERT_RAISED = "frontdoor.alert.raised.v1";
    public static final String ALERT_RESOLVED = "frontdoor.alert.resolved.v1";

    /** {@code ce_source} of every event the referral service publishes. */
    public static final String SOURCE_REFERRAL = "/frontdoor/referral-service";

    /** {@code ce_source} of every event the allocation service publishes. */
    public static final String SOURCE_ALLOCATION = "/frontdoor/allocation-service";

    private static final Set<String> REFERRAL = Set.of(
            CONTACT_RECEIVED, CONTACT_DECIDED, CASE_OPENED, ASSESSMENT_STARTED, ASSESSMENT_COMPLETED,
            STRATEGY_DISCUSSION_HELD, SECTION47_STARTED, SECTION47_COMPLETED, CONFERENCE_HELD,
            CP_PLAN_ENDED, CASE_CLOSED);

    private static final Set<String> ALLOCATION = Set.of(
            CASE_ALLOCATED, CASE_DEALLOCATED, WORKER_UPDATED, ALERT_RAISED, ALERT_RESOLVED);

    private static final Set<String> ALL = Stream.concat(REFERRAL.stream(), ALLOCATION.stream())
            .collect(Collectors.toUnmodifiableSet());

    private EventTypes() {
    }

    /** Every event type of the contract, from both services. */
    public static Set<String> all() {
        return ALL;
    }

    /** The event types the referral service publishes on {@link Topics#REFERRAL_EVENTS}. */
    public static Set<String> referralTypes() {
        return REFERRAL;
    }

    /** The event types the allocation service publishes on {@link Topics#ALLOCATION_EVENTS}. */
    public static Set<String> allocationTypes() {
        return ALLOCATION;
    }

    /**
     * The {@code ce_source} that publishes the given type.
     *
     * @throws IllegalArgumentException when the type is not part of the contract
     */
    public static String sourceOf(String type) {
        if (REFERRAL.contains(type)) {
            return SOURCE_REFERRAL;
        }
        if (ALLOCATION.contains(type)) {
            return SOURCE_ALLOCATION;
        }
        throw new IllegalArgumentException("Unknown event type: " + type);
    }

    /**
     * The topic that carries the given type.
     *
     * @throws IllegalArgumentException when the type is not part of the contract
     */
    public static String topicOf(String type) {
        return SOURCE_REFERRAL.equals(sourceOf(type)) ? Topics.REFERRAL_EVENTS : Topics.ALLOCATION_EVENTS;
    }
}
