-- Alerts raised by the rules (AlertRules) and kept until their condition clears, so a restarted instance knows
-- what it has already raised. No personal data: the subject is a case id, a worker id or a team; a case alert
-- also carries the pseudonymous childRef; detail is a system-generated sentence of numbers and dates.

CREATE TABLE alert (
    id             UUID         PRIMARY KEY,
    kind           TEXT         NOT NULL,
    team           TEXT         NOT NULL,
    subject_type   TEXT         NOT NULL,
    subject_id     TEXT         NOT NULL,
    child_ref      TEXT,
    raised_at      TIMESTAMPTZ  NOT NULL,
    resolved_at    TIMESTAMPTZ,
    detail         TEXT         NOT NULL,
    value          INTEGER,
    threshold      INTEGER,
    CONSTRAINT alert_resolved_after_raised CHECK (resolved_at IS NULL OR resolved_at >= raised_at)
);

-- At most one active alert per condition: even two instances evaluating at once cannot raise one twice.
CREATE UNIQUE INDEX alert_one_active_per_condition ON alert (kind, subject_id) WHERE resolved_at IS NULL;

-- GET /alerts: by team, newest first.
CREATE INDEX alert_by_team ON alert (team, raised_at DESC);
