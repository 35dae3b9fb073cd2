package org.frontdoor.metrics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.frontdoor.events.EventTypes;
import org.frontdoor.events.Topics;
import org.frontdoor.kit.consumer.IncomingEvent;
import org.frontdoor.metrics.FrontDoorFixture;
import org.junit.jupiter.api.Test;

/**
 * The set-based projection gives the same facts however the consumer cuts the stream into batches: one
 * event at a time (as when it looks for a record to dead-letter), odd cuts, or whole polls.
 */
@QuarkusTest
class FactBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FACT_TABLES = List.of("contact_fact", "case_fact", "allocation_fact",
            "deallocation_fact", "worker_fact", "assessment_fact", "strategy_discussion_fact", "section47_fact",
            "conference_fact", "cp_plan_fact");

    @Inject
    FactProjection projection;

    @Inject
    DataSource dataSource;

    @Test
    void shuffledEventsGiveTheSameFactsInBatchesOfOneOfSevenAndOfFiveHundred() throws Exception {
        String suffix = "-batch-" + UUID.randomUUID().toString().substring(0, 8);
        List<IncomingEvent> events = shuffledWithRepeats(suffix);

        Map<String, List<String>> oneByOne = applyInBatchesOf(1, events, suffix);
        Map<String, List<String>> sevens = applyInBatchesOf(7, events, suffix);
        Map<String, List<String>> polls = applyInBatchesOf(500, events, suffix);

        for (String table : List.of("contact_fact", "case_fact", "allocation_fact", "assessment_fact",
                "section47_fact", "conference_fact", "cp_plan_fact")) {
            assertFalse(oneByOne.get(table).isEmpty(), table + " has facts of the fixture");
        }
        assertEquals(oneByOne, sevens);
        assertEquals(oneByOne, polls);
    }

    /**
     * A contact's receipt and decision (or a case's opening and closure) in one batch are written as one row; the
     * row may already be there, left by an earlier batch's decision or closure, and must end the same.
     */
    @Test
    void aReceiptWithItsDecisionInOneBatchOverTheRowAnEarlierDecisionLeftGivesTheSameFacts() throws Exception {
        String suffix = "-batch-" + UUID.randomUUID().toString().substring(0, 8);
        List<IncomingEvent> events = shuffledWithRepeats(suffix);
        List<IncomingEvent> earlier = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (EventTypes.CONTACT_DECIDED.equals(event.type()) || EventTypes.CASE_CLOSED.equals(event.type())) {
                earlier.add(new IncomingEvent(UUID.randomUUID(), event.type(), event.source(), event.subject(),
                        event.time(), event.key(), event.topic(), event.partition(), event.offset(), event.data()));
            }
        }
        List<IncomingEvent> all = new ArrayList<>(earlier);
        all.addAll(events);

        Map<String, List<String>> oneByOne = applyInBatches(all.stream().map(List::of).toList(), suffix);
        Map<String, List<String>> twoBatches = applyInBatches(List.of(earlier, events), suffix);

        assertFalse(earlier.isEmpty(), "the fixture has decisions and closures");
        assertEquals(oneByOne, twoBatches);
    }

    /**
     * The May fixture and the pre-2013 history, shuffled, and every seventh event sent again under a new
     * event id (a producer's retry): the kit's dedup cannot see those, so the facts must absorb them.
     */
    private static List<IncomingEvent> shuffledWithRepeats(String suffix) throws JsonProcessingException {
        List<FrontDoorFixture.Event> fixture = new ArrayList<>(FrontDoorFixture.may2024(suffix).events());
        fixture.addAll(FrontDoorFixture.wt2010History(suffix).events());
        Collections.shuffle(fixture, new Random(20241126));
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < fixture.size(); i++) {
            FrontDoorFixture.Event event = fixture.get(i);
            events.add(incoming(UUID.fromString(event.id()), event, i));
            if (i % 7 == 0) {
                events.add(incoming(UUID.randomUUID(), event, i));
            }
        }
        return events;
    }

    private static IncomingEvent incoming(UUID id, FrontDoorFixture.Event event, long offset)
            throws JsonProcessingException {
        return new IncomingEvent(id, event.type(), "test", event.subject(), Instant.now(), event.key(),
                Topics.REFERRAL_EVENTS, 0, offset, JSON.readTree(event.data()));
    }

    /** Applies the events in transactions of {@code size}, reads the fixture's facts, then removes them. */
    private Map<String, List<String>> applyInBatchesOf(int size, List<IncomingEvent> events, String suffix)
            throws SQLException {
        List<List<IncomingEvent>> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += size) {
            batches.add(events.subList(from, Math.min(events.size(), from + size)));
        }
        return applyInBatches(batches, suffix);
    }

    /** Applies each batch in its own transaction, reads the fixture's facts, then removes them. */
    private Map<String, List<String>> applyInBatches(List<List<IncomingEvent>> batches, String suffix)
            throws SQLException {
        for (List<IncomingEvent> batch : batches) {
            QuarkusTransaction.requiringNew().run(() -> projection.handleAll(batch));
        }
        Map<String, List<String>> facts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : FACT_TABLES) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT t::text FROM " + table + " t WHERE team LIKE ? ORDER BY 1")) {
                    select.setString(1, "%" + suffix);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            rows.add(result.getString(1));
                        }
                    }
                }
                facts.put(table, rows);
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE team LIKE ?")) {
                    delete.setString(1, "%" + suffix);
                    delete.executeUpdate();
                }
            }
        }
        return facts;
    }
}
