-- Events in any order (issue 4): what arrives before its case is known here is kept, and applied when the case's
-- case.opened event arrives. A closure for an unknown case, and an allocation a manager made before the case's
-- event reached this service (held for frontdoor.allocation.hold-for, then dropped with a warning).

CREATE TABLE held_closure (
    case_id      UUID         PRIMARY KEY,
    closed_at    TIMESTAMPTZ  NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE held_allocation (
    case_id          UUID         PRIMARY KEY,
    worker_id        TEXT         NOT NULL REFERENCES worker (worker_id),
    allocated_at     TIMESTAMPTZ  NOT NULL,
    allocated_by     TEXT         NOT NULL,
    override_reason  TEXT,
    held_at          TIMESTAMPTZ  NOT NULL,
    held_until       TIMESTAMPTZ  NOT NULL
);

CREATE INDEX held_allocation_expiry ON held_allocation (held_until);
