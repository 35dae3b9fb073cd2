package org.frontdoor.metrics.messaging;

import static org.awaitility.Awaitility.await;
import static org.frontdoor.metrics.IndicatorClient.assertIndicator;
import static org.frontdoor.metrics.IndicatorClient.indicators;
import static org.frontdoor.metrics.PrometheusScrape.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.frontdoor.events.Channel;
import org.frontdoor.events.CloudEventHeaders;
import org.frontdoor.events.ContactOutcome;
import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.localstack.ConsumerGroups;
import org.frontdoor.localstack.EventPublisher;
import org.frontdoor.localstack.EventTap;
import org.frontdoor.metrics.TestEvents;
import org.frontdoor.metrics.domain.ContactFact;
import org.frontdoor.metrics.repository.ContactFactRepository;
import org.junit.jupiter.api.Test;

/** Delivery as it really happens: duplicates, poison records and events out of order on the real broker. */
@QuarkusTest
class FactConsumerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ContactFactRepository contactFacts;

    @Inject
    EntityManager entityManager;

    @Test
    void aRedeliveredEventCountsOnceAndBadRecordsAreDeadLetteredWhileConsumptionGoesOn() {
        String team = "team-" + UUID.randomUUID();
        // One record key for all, so every record lands on one partition in publishing order.
        String childRef = "child-" + UUID.randomUUID();
        TestEvents.Contact first = new TestEvents.Contact(UUID.randomUUID().toString(), childRef, team, "6",
                "2024-03-04T09:00:00Z", "2024-03-05");
        TestEvents.Contact later = new TestEvents.Contact(UUID.randomUUID().toString(), childRef, team, "6",
                "2024-03-04T12:00:00Z", "2024-03-05");
        String withoutContactId = first.received().replaceFirst("\"contactId\": \"[^\"]+\", ", "");
        assertFalse(withoutContactId.contains("contactId"), "the broken event really lacks contactId");

        String deadLetters = Topics.deadLetter(Topics.REFERRAL_EVENTS, FactConsumer.NAME);
        try (EventTap tap = EventTap.fromNow(bootstrapServers, deadLetters);
                EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            String id = UUID.randomUUID().toString();
            publisher.publish(id, EventTypes.CONTACT_RECEIVED, first.id(), childRef, first.received());
            publisher.publish(id, EventTypes.CONTACT_RECEIVED, first.id(), childRef, first.received());
            publisher.publishRaw(Topics.REFERRAL_EVENTS, childRef, "not json".getBytes(StandardCharsets.UTF_8));
            publisher.publish(EventTypes.CONTACT_RECEIVED, first.id(), childRef, withoutContactId);
            publisher.publish(EventTypes.CONTACT_RECEIVED, later.id(), childRef, later.received());

            String monday = "from=2024-03-04&to=2024-03-04&team=" + team;
            await().atMost(PATIENCE).untilAsserted(
                    () -> assertIndicator(indicators(monday), "CONTACTS", 2, null, "2"));

            List<ConsumerRecord<String, String>> dead = tap.await(record -> childRef.equals(record.key()), 2, PATIENCE);
            assertEquals(2, dead.size());
            assertEquals("not json", dead.get(0).value());
            assertEquals(withoutContactId, dead.get(1).value());
            for (ConsumerRecord<String, String> record : dead) {
                assertNotNull(EventTap.header(record, CloudEventHeaders.DLQ_REASON), "reason header");
                assertEquals(FactConsumer.NAME, EventTap.header(record, CloudEventHeaders.DLQ_CONSUMER));
                assertEquals(Topics.REFERRAL_EVENTS, EventTap.header(record, CloudEventHeaders.DLQ_ORIGINAL_TOPIC));
            }
            assertTrue(EventTap.header(dead.get(1), CloudEventHeaders.DLQ_REASON).contains("contactId"),
                    EventTap.header(dead.get(1), CloudEventHeaders.DLQ_REASON));

            // The later valid event came after the duplicate on the same partition: the count is final.
            assertIndicator(indicators(monday), "CONTACTS", 2, null, "2");
            assertEquals(2.0, value("frontdoor_contacts_received_total{channel=\"PHONE\",team=\"" + team + "\"}"));
        }
    }

    @Test
    void aDecisionArrivingBeforeItsContactEndsInTheSameFactsAsInOrder() {
        String inOrderTeam = "team-" + UUID.randomUUID();
        String reversedTeam = "team-" + UUID.randomUUID();
        // Received on Friday afternoon, decided first thing on Monday: 1 WD over the weekend.
        TestEvents.Contact inOrder = TestEvents.Contact.of(inOrderTeam, "3A", "2024-03-08T16:00:00Z", "2024-03-11");
        TestEvents.Contact reversed = TestEvents.Contact.of(reversedTeam, "3A", "2024-03-08T16:00:00Z", "2024-03-11");

        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            publisher.publish(EventTypes.CONTACT_RECEIVED, inOrder.id(), inOrder.childRef(), inOrder.received());
            publisher.publish(EventTypes.CONTACT_DECIDED, inOrder.id(), inOrder.childRef(),
                    inOrder.decided("EARLY_HELP", "2024-03-11T09:00:00Z", true, 1, null));

            publisher.publish(EventTypes.CONTACT_DECIDED, reversed.id(), reversed.childRef(),
                    reversed.decided("EARLY_HELP", "2024-03-11T09:00:00Z", true, 1, null));
            // The decision alone already makes a countable row; what only the receipt knows is still unknown.
            ContactFact decidedOnly = await().atMost(PATIENCE).until(() -> fact(reversed.id()), row -> row != null);
            assertNull(decidedOnly.channel());
            assertEquals(ContactOutcome.EARLY_HELP, decidedOnly.outcome());
            publisher.publish(EventTypes.CONTACT_RECEIVED, reversed.id(), reversed.childRef(), reversed.received());
        }

        ContactFact expected = await().atMost(PATIENCE).until(() -> fact(inOrder.id()),
                row -> row != null && row.decidedAt() != null && row.channel() != null);
        ContactFact converged = await().atMost(PATIENCE).until(() -> fact(reversed.id()),
                row -> row != null && row.channel() != null);
        assertEquals(describe(expected), describe(converged));
        assertEquals("PHONE false 2024-03-08T16:00:00Z 2024-03-08 2024-03-11 2024-03-11T09:00:00Z 2024-03-11 "
                + "EARLY_HELP true 1", describe(converged));
        assertEquals(Channel.PHONE, converged.channel());

        String week = "from=2024-03-04&to=2024-03-15&team=";
        Map<String, JsonNode> inOrderIndicators = indicators(week + inOrderTeam);
        Map<String, JsonNode> reversedIndicators = indicators(week + reversedTeam);
        assertEquals(inOrderIndicators.toString(), reversedIndicators.toString());
        assertIndicator(reversedIndicators, "CONTACTS", 1, null, "1");
        assertIndicator(reversedIndicators, "CONTACT_DECISION_TIMELINESS", 1, 1L, "100.0");
        assertIndicator(reversedIndicators, "CONTACT_CONVERSION", 0, 1L, "0.0");
    }

    @Test
    void twoLoopsOwnTheSamePartitionsOfBothTopicsSoEachChildsEventsMeetOnOne() throws Exception {
        Map<String, Set<TopicPartition>> owners = ConsumerGroups.assignments(bootstrapServers, FactConsumer.NAME, 2,
                PATIENCE);
        assertEquals(Set.of(FactConsumer.NAME + "-consumer-1", FactConsumer.NAME + "-consumer-2"), owners.keySet());
        Set<Integer> owned = new TreeSet<>();
        owners.forEach((client, partitions) -> {
            Map<String, Set<Integer>> byTopic = partitions.stream().collect(Collectors.groupingBy(
                    TopicPartition::topic, Collectors.mapping(TopicPartition::partition,
                            Collectors.toCollection(TreeSet::new))));
            assertEquals(Set.of(Topics.REFERRAL_EVENTS, Topics.ALLOCATION_EVENTS), byTopic.keySet(), client);
            assertEquals(byTopic.get(Topics.REFERRAL_EVENTS), byTopic.get(Topics.ALLOCATION_EVENTS),
                    client + " owns partition i of one topic only with partition i of the other");
            for (int partition : byTopic.get(Topics.REFERRAL_EVENTS)) {
                assertTrue(owned.add(partition), "partition " + partition + " has one owner");
            }
        });
        assertEquals(Topics.PARTITIONS, owned.size());
    }

    @Test
    void casesOpenedAndAllocatedTogetherAcrossBothTopicsAllKeepTheirFirstAllocation() {
        // Opening (referral topic) and allocation (allocation topic) of each case are written by whichever loop
        // owns the child's partition; were they on two loops at once, each transaction could miss the other's row.
        String team = "team-" + UUID.randomUUID();
        int cases = 300;
        try (EventPublisher publisher = new EventPublisher(bootstrapServers)) {
            for (int i = 0; i < cases; i++) {
                TestEvents.Contact contact = TestEvents.Contact.of(team, "6", "2024-03-04T09:00:00Z", "2024-03-05");
                String caseId = UUID.randomUUID().toString();
                publisher.publish(EventTypes.CASE_OPENED, caseId, contact.childRef(),
                        contact.caseOpened(caseId, "2024-03-04T10:00:00Z", "2024-03-04", 0));
                publisher.publish(EventTypes.CASE_ALLOCATED, caseId, contact.childRef(), TestEvents.caseAllocated(
                        caseId, contact.childRef(), "sw-" + (i % 7), team, "2024-03-05T09:00:00Z", null));
            }
        }
        await().atMost(PATIENCE).until(() -> countCases(team, "") == cases);
        await().atMost(PATIENCE).until(() -> countCases(team, " AND first_allocated_date = DATE '2024-03-05'"),
                n -> n == cases);
    }

    private long countCases(String team, String condition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM case_fact WHERE team = ?1" + condition)
                .setParameter(1, team).getSingleResult()).longValue());
    }

    private ContactFact fact(String contactId) {
        return QuarkusTransaction.requiringNew().call(() -> contactFacts.findById(UUID.fromString(contactId)));
    }

    /** Everything in a contact fact except its ids and team, which differ between the two contacts. */
    private static String describe(ContactFact fact) {
        return fact.channel() + " " + fact.outOfHours() + " " + fact.receivedAt() + " " + fact.receivedDate() + " "
                + fact.decisionDueBy() + " " + fact.decidedAt() + " " + fact.decidedDate() + " " + fact.outcome() + " "
                + fact.rationaleRecorded() + " " + fact.decisionWorkingDays();
    }
}
