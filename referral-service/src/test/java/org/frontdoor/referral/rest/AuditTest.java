package org.frontdoor.referral.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md §4: an append-only trail of who did or read what on which contact or case. */
@QuarkusTest
class AuditTest {

    @Inject
    DataSource dataSource;

    @Test
    void createDecideAndReadAreRecordedWithUserRoleAndIdsButNeverTheRationale() throws Exception {
        String childRef = "child-" + UUID.randomUUID();
        String rationale = "Rationale " + UUID.randomUUID();
        String id = ContactResourceTest.post("worker", "/contacts", ContactResourceTest.contactJson(childRef, "6"))
                .statusCode(201).extract().path("id");
        String caseId = ContactResourceTest.post("duty", "/contacts/" + id + "/decision", """
                {"outcome": "REFERRAL", "decidedAt": "2024-03-05T10:00:00Z", "rationale": "%s"}
                """.formatted(rationale)).statusCode(200).extract().path("caseId");
        given().auth().preemptive().basic("analyst", "analyst").get("/contacts/" + id).then().statusCode(200);

        assertEquals(List.of(
                List.of("worker", "social-worker", "contact.received", "contact", id, ""),
                List.of("duty", "duty-manager", "contact.decided", "contact", id, caseId),
                List.of("analyst", "performance", "contact.read", "contact", id, caseId)),
                entriesAbout("contact", id));
        assertEquals(List.of(List.of("duty", "duty-manager", "case.opened", "case", caseId, caseId)),
                entriesAbout("case", caseId));
        assertEquals(0, count("SELECT count(*) FROM audit_event a WHERE a::text LIKE '%" + rationale + "%'"));
    }

    @Test
    void aRefusedCommandLeavesNoEntry() throws Exception {
        String id = ContactResourceTest.post("worker", "/contacts", ContactResourceTest.contactJson("child-" + UUID.randomUUID(), "6"))
                .statusCode(201).extract().path("id");
        String decision = """
                {"outcome": "NO_FURTHER_ACTION", "decidedAt": "2024-03-04T11:00:00Z", "rationale": "No concerns"}
                """;
        ContactResourceTest.post("duty", "/contacts/" + id + "/decision", decision).statusCode(200);
        ContactResourceTest.post("duty", "/contacts/" + id + "/decision", decision).statusCode(409);
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'contact.decided' AND subject_id = '"
                + id + "'"));
    }

    @Test
    void theTrailCannotBeChangedOrDeleted() throws Exception {
        ContactResourceTest.post("worker", "/contacts", ContactResourceTest.contactJson("child-" + UUID.randomUUID(), "6"))
                .statusCode(201);
        for (String sql : List.of("UPDATE audit_event SET principal = 'someone-else'", "DELETE FROM audit_event",
                "TRUNCATE audit_event")) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(sql), sql);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
        assertEquals(0, count("SELECT count(*) FROM audit_event WHERE principal = 'someone-else'"));
    }

    private List<List<String>> entriesAbout(String subjectType, String subjectId) throws Exception {
        List<List<String>> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT principal, roles, action, subject_type, subject_id, coalesce(case_id, ''), at
                        FROM audit_event WHERE subject_type = ? AND subject_id = ? ORDER BY id
                        """)) {
            select.setString(1, subjectType);
            select.setString(2, subjectId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    assertTrue(rows.getTimestamp(7) != null);
                    entries.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6)));
                }
            }
        }
        return entries;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
