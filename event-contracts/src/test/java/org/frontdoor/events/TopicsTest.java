package org.frontdoor.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Pins the topic names and the dead-letter naming rule that producers, consumers and operators share. */
class TopicsTest {

    @Test
    void deadLetterTopicIsTopicThenConsumerThenDlq() {
        assertEquals("frontdoor.referral.events.metrics-service.dlq",
                Topics.deadLetter(Topics.REFERRAL_EVENTS, "metrics-service"));
        assertEquals("frontdoor.allocation.events.referral-service.dlq",
                Topics.deadLetter(Topics.ALLOCATION_EVENTS, "referral-service"));
    }

    @Test
    void deadLetterNeedsBothNames() {
        assertThrows(NullPointerException.class, () -> Topics.deadLetter(null, "metrics-service"));
        assertThrows(IllegalArgumentException.class, () -> Topics.deadLetter(Topics.REFERRAL_EVENTS, " "));
    }

    @Test
    void everyAllocationEventGoesOnTheAllocationTopic() {
        for (String type : EventTypes.allocationTypes()) {
            assertEquals(Topics.ALLOCATION_EVENTS, EventTypes.topicOf(type), type);
            assertEquals(EventTypes.SOURCE_ALLOCATION, EventTypes.sourceOf(type), type);
        }
    }

    @Test
    void topicNamesAndPartitionsAreTheContract() {
        assertEquals("frontdoor.referral.events", Topics.REFERRAL_EVENTS);
        assertEquals("frontdoor.allocation.events", Topics.ALLOCATION_EVENTS);
        assertEquals(6, Topics.PARTITIONS);
    }
}
