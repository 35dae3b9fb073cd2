package org.frontdoor.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.frontdoor.events.ContractValidator;
import org.junit.jupiter.api.Test;

/** Keeps the end-to-end tests honest: every event the fixture publishes is one the contract allows. */
class FrontDoorFixtureContractTest {

    @Test
    void everyEventOfTheFixturesMatchesItsSchema() {
        List<FrontDoorFixture.Event> events = new java.util.ArrayList<>(FrontDoorFixture.may2024("-x").events());
        events.addAll(FrontDoorFixture.wt2010History("-x").events());
        assertTrue(events.size() > 60, "the fixture publishes the whole month: " + events.size());
        for (FrontDoorFixture.Event event : events) {
            assertEquals(List.of(), ContractValidator.validateData(event.type(), event.data()),
                    event.type() + " " + event.data());
        }
    }
}
