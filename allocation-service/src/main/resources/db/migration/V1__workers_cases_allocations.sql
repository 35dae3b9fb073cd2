-- Who holds which case. Cases arrive from referral-service's events; workers and allocations are
-- owned here. Staff names are staff data; nothing about a child beyond the pseudonymous childRef.

CREATE TABLE worker (
    worker_id            TEXT          PRIMARY KEY,
    display_name         TEXT          NOT NULL,
    team                 TEXT          NOT NULL,
    fte                  NUMERIC(4, 2) NOT NULL,
    case_holding         BOOLEAN       NOT NULL,
    caseload_threshold   NUMERIC(6, 2),
    updated_at           TIMESTAMPTZ   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0
);

CREATE INDEX worker_team ON worker (team);

CREATE TABLE allocation_case (
    case_id         UUID         PRIMARY KEY,
    child_ref       TEXT         NOT NULL,
    team            TEXT         NOT NULL,
    referral_date   DATE         NOT NULL,
    opened_at       TIMESTAMPTZ  NOT NULL,
    status          TEXT         NOT NULL,
    waiting_since   TIMESTAMPTZ  NOT NULL,
    worker_id       TEXT         REFERENCES worker (worker_id),
    allocated_at    TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0
);

-- The queue: open cases nobody holds, longest waiting first.
CREATE INDEX allocation_case_queue ON allocation_case (team, waiting_since) WHERE status = 'OPEN' AND worker_id IS NULL;
CREATE INDEX allocation_case_worker ON allocation_case (worker_id) WHERE status = 'OPEN';

CREATE TABLE allocation (
    id               UUID         PRIMARY KEY,
    case_id          UUID         NOT NULL REFERENCES allocation_case (case_id),
    worker_id        TEXT         NOT NULL REFERENCES worker (worker_id),
    allocated_at     TIMESTAMPTZ  NOT NULL,
    allocated_by     TEXT         NOT NULL,
    override_reason  TEXT,
    ended_at         TIMESTAMPTZ,
    end_reason       TEXT
);

CREATE INDEX allocation_case_history ON allocation (case_id, allocated_at);
