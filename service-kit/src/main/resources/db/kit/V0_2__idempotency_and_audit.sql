-- Shared by every service: the Idempotency-Key of each POST (API.md), kept with the command's own
-- transaction, and the append-only audit trail of who did or read what (ARCHITECTURE.md §4).

CREATE TABLE idempotency_key (
    principal    TEXT         NOT NULL,
    key          TEXT         NOT NULL,
    fingerprint  TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status       INTEGER,
    body         TEXT,
    location     TEXT,
    -- Keys are per user: the same key from two users is two keys. A concurrent retry waits on this index.
    PRIMARY KEY (principal, key)
);

CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

CREATE TABLE audit_event (
    id            BIGSERIAL    PRIMARY KEY,
    at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    principal     TEXT         NOT NULL,
    roles         TEXT         NOT NULL,
    action        TEXT         NOT NULL,
    subject_type  TEXT         NOT NULL,
    subject_id    TEXT         NOT NULL,
    case_id       TEXT
);

CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id);
CREATE INDEX audit_event_case ON audit_event (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX audit_event_principal ON audit_event (principal, at);

-- Append-only: rows are never changed or removed by the application. Archiving old entries is a DBA's
-- deliberate act (disable the trigger in a reviewed change), never a side effect.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
