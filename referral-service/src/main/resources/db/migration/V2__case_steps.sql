-- The steps of a case after its referral (DOMAIN.md §2): assessments, strategy discussions,
-- Section 47 enquiries, conferences and child protection plans, and the case's closure.

ALTER TABLE social_care_case ADD COLUMN closure_reason TEXT;

CREATE TABLE assessment (
    id              UUID         PRIMARY KEY,
    case_id         UUID         NOT NULL REFERENCES social_care_case (id),
    kind            TEXT         NOT NULL,
    rule_set        TEXT         NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL,
    anchor_date     DATE         NOT NULL,
    due_by          DATE         NOT NULL,
    completed_at    TIMESTAMPTZ,
    outcome         TEXT,
    primary_need    TEXT,
    working_days    INTEGER,
    in_timescale    BOOLEAN
);
CREATE INDEX assessment_case ON assessment (case_id);

CREATE TABLE strategy_discussion (
    id                  UUID         PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES social_care_case (id),
    held_at             TIMESTAMPTZ  NOT NULL,
    section47_initiated BOOLEAN      NOT NULL
);
CREATE INDEX strategy_discussion_case ON strategy_discussion (case_id);

CREATE TABLE section47_enquiry (
    id                      UUID         PRIMARY KEY,
    case_id                 UUID         NOT NULL REFERENCES social_care_case (id),
    strategy_discussion_id  UUID         NOT NULL REFERENCES strategy_discussion (id) DEFERRABLE INITIALLY DEFERRED,
    started_at              TIMESTAMPTZ  NOT NULL,
    icpc_due_by             DATE         NOT NULL,
    completed_at            TIMESTAMPTZ,
    outcome                 TEXT
);
CREATE INDEX section47_enquiry_case ON section47_enquiry (case_id);

CREATE TABLE conference (
    id                  UUID         PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES social_care_case (id),
    kind                TEXT         NOT NULL,
    held_at             TIMESTAMPTZ  NOT NULL,
    transfer_in         BOOLEAN      NOT NULL,
    section47_id        UUID         REFERENCES section47_enquiry (id) DEFERRABLE INITIALLY DEFERRED,
    outcome             TEXT         NOT NULL,
    category            TEXT,
    working_days        INTEGER,
    in_timescale        BOOLEAN
);
CREATE INDEX conference_case ON conference (case_id);

CREATE TABLE cp_plan (
    id                  UUID         PRIMARY KEY,
    case_id             UUID         NOT NULL REFERENCES social_care_case (id),
    child_ref           TEXT         NOT NULL,
    conference_id       UUID         NOT NULL REFERENCES conference (id) DEFERRABLE INITIALLY DEFERRED,
    category            TEXT         NOT NULL,
    started_at          TIMESTAMPTZ  NOT NULL,
    start_date          DATE         NOT NULL,
    ended_at            TIMESTAMPTZ,
    end_date            DATE,
    ended_by_closure    BOOLEAN      NOT NULL DEFAULT false
);
CREATE INDEX cp_plan_case ON cp_plan (case_id);
CREATE INDEX cp_plan_child ON cp_plan (child_ref, start_date);
-- A child is on at most one plan at a time.
CREATE UNIQUE INDEX cp_plan_one_active_per_child ON cp_plan (child_ref) WHERE end_date IS NULL;
