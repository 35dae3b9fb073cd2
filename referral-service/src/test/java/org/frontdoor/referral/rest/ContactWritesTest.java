package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

import org.frontdoor.events.EventTypes;
import org.junit.jupiter.api.Test;

/**
 * What one POST /contacts leaves in the database: the contact, its one event in the outbox, its audit entry and
 * the Idempotency-Key with the answer, all in one transaction, so that a failure anywhere leaves none of them.
 */
@QuarkusTest
class ContactWritesTest {

    @Inject
    DataSource dataSource;

    private static Response post(String key, String body) {
        return given().auth().preemptive().basic("worker", "worker").contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).when().post("/contacts");
    }

    @Test
    void aContactWritesItsRowTheOutboxEventTheAuditEntryAndTheKey() throws Exception {
        String childRef = "writes-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response created = post(key, ContactResourceTest.contactJson(childRef, "6"));
        created.then().statusCode(201);
        String id = created.path("id");

        assertEquals(List.of(List.of(id, "AWAITING_DECISION", "2024-03-05", "21A", "0")),
                rows("SELECT id::text, status, decision_due_by::text, concerns, version::text FROM contact "
                        + "WHERE child_ref = ?", childRef));
        assertEquals(List.of(List.of(EventTypes.CONTACT_RECEIVED, id)),
                rows("SELECT ce_type, ce_subject FROM outbox_event WHERE event_key = ?", childRef));
        assertEquals(List.of(List.of("worker", "social-worker", "contact.received", "contact")),
                rows("SELECT principal, roles, action, subject_type FROM audit_event WHERE subject_id = ?", id));
        assertEquals(List.of(List.of("201", created.asString(), created.header("Location"))),
                rows("SELECT status::text, body, location FROM idempotency_key WHERE key = ?", key));
    }

    @Test
    void aFailureLateInTheTransactionLeavesNothingBehind() throws Exception {
        String childRef = "rollback-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        // The audit entry, written after the contact, fails only when it sees that contact: the contact row is in
        // the same transaction as the rest, and the failure must take it back out.
        execute("""
                CREATE FUNCTION test_fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM contact WHERE id::text = NEW.subject_id AND child_ref LIKE 'rollback-%') THEN
                        RAISE EXCEPTION 'audit refused by the test';
                    END IF;
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_event
                    FOR EACH ROW EXECUTE FUNCTION test_fail_audit();
                """);
        try {
            post(key, ContactResourceTest.contactJson(childRef, "6")).then().statusCode(500);
        } finally {
            execute("DROP TRIGGER test_fail_audit ON audit_event; DROP FUNCTION test_fail_audit();");
        }
        assertEquals(List.of(), rows("SELECT id::text FROM contact WHERE child_ref = ?", childRef));
        assertEquals(List.of(), rows("SELECT seq::text FROM outbox_event WHERE event_key = ?", childRef));
        assertEquals(List.of(), rows("SELECT key FROM idempotency_key WHERE key = ?", key));

        post(key, ContactResourceTest.contactJson(childRef, "6")).then().statusCode(201);
        assertEquals(1, rows("SELECT id::text FROM contact WHERE child_ref = ?", childRef).size());
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<List<String>> rows(String sql, String parameter) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
