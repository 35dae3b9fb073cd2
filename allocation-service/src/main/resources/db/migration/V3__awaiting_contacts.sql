-- Contacts awaiting a manager's decision, kept from referral-service's contact events so that
-- CONTACT_DECISION_OVERDUE can be evaluated here. Either event may arrive first: both carry every
-- column but decided_at, so each upsert fills the row and leaves the other event's fields alone.
-- No personal data beyond the pseudonymous childRef.

CREATE TABLE awaiting_contact (
    contact_id       UUID         PRIMARY KEY,
    child_ref        TEXT         NOT NULL,
    team             TEXT         NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL,
    decision_due_by  DATE         NOT NULL,
    decided_at       TIMESTAMPTZ
);

-- The alert evaluation reads the undecided contacts only.
CREATE INDEX awaiting_contact_undecided ON awaiting_contact (decision_due_by) WHERE decided_at IS NULL;
