-- Shared by every service (ARCHITECTURE.md §3): the transactional outbox and the consumer's
-- record of events already applied. Service migrations start at V1.

CREATE TABLE outbox_event (
    seq          BIGSERIAL    PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        TEXT         NOT NULL,
    event_key    TEXT         NOT NULL,
    ce_type      TEXT         NOT NULL,
    ce_source    TEXT         NOT NULL,
    ce_subject   TEXT         NOT NULL,
    ce_time      TIMESTAMPTZ  NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at      TIMESTAMPTZ
);

-- The relay only ever looks for unsent rows, in commit order.
CREATE INDEX outbox_event_unsent ON outbox_event (seq) WHERE sent_at IS NULL;

CREATE TABLE processed_event (
    event_id     UUID         PRIMARY KEY,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
