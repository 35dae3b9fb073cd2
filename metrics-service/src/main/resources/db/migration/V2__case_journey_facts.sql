-- The rest of the case journey as facts (issue 5): one row per assessment, strategy discussion, S47
-- enquiry, conference, CP plan, deallocation and worker, plus what the case itself learns later (closure,
-- first allocation, re-referral worked out from the facts). Working days and due dates are worked out
-- by the consumer with the service's calendar under each rule set, so each indicator is one aggregate
-- over one table. A step may arrive before its case (or an allocation before the case it allocates):
-- there are no foreign keys, and the joins happen when the later row arrives or at query time.

-- The child as contacts describe it (DOMAIN.md §7: birth month, gender and ethnicity codes only), for
-- the Annex A lists.
ALTER TABLE contact_fact ADD COLUMN birth_month TEXT;
ALTER TABLE contact_fact ADD COLUMN gender TEXT;
ALTER TABLE contact_fact ADD COLUMN ethnicity TEXT;

-- A case may be seen first through its closure: then what only case.opened knows stays null until it
-- comes, and the referral indicators count only opened cases.
ALTER TABLE case_fact ALTER COLUMN child_ref DROP NOT NULL;
ALTER TABLE case_fact ALTER COLUMN contact_id DROP NOT NULL;
ALTER TABLE case_fact ALTER COLUMN source DROP NOT NULL;
ALTER TABLE case_fact ALTER COLUMN opened_at DROP NOT NULL;
ALTER TABLE case_fact ALTER COLUMN re_referral DROP NOT NULL;
ALTER TABLE case_fact ALTER COLUMN referrals_in_previous_12_months DROP NOT NULL;
-- Worked out from the case facts of the same child whenever one of them arrives (DOMAIN.md §4: a
-- previous referral on or after the referral date minus 12 months); re_referral is what the event said.
ALTER TABLE case_fact ADD COLUMN previous_referrals_12_months INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_fact ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE case_fact ADD COLUMN closed_date DATE;
ALTER TABLE case_fact ADD COLUMN closure_reason TEXT;
ALTER TABLE case_fact ADD COLUMN no_further_step BOOLEAN;
-- The earliest allocation of the case and working days from its referral date to it.
ALTER TABLE case_fact ADD COLUMN first_allocated_at TIMESTAMPTZ;
ALTER TABLE case_fact ADD COLUMN first_allocated_date DATE;
ALTER TABLE case_fact ADD COLUMN allocation_working_days INTEGER;

-- Covering indexes: the period aggregates read only the index (after VACUUM), for any team.
DROP INDEX case_fact_referral;
CREATE INDEX case_fact_referral ON case_fact (referral_date)
    INCLUDE (team, source, re_referral, previous_referrals_12_months) WHERE opened_at IS NOT NULL;
CREATE INDEX case_fact_closed ON case_fact (closed_date) INCLUDE (team, source, no_further_step)
    WHERE closed_date IS NOT NULL;
CREATE INDEX case_fact_team_closed ON case_fact (team, closed_date) WHERE closed_date IS NOT NULL;
CREATE INDEX case_fact_first_allocated ON case_fact (first_allocated_date)
    INCLUDE (team, source, allocation_working_days) WHERE first_allocated_date IS NOT NULL;
CREATE INDEX case_fact_team_first_allocated ON case_fact (team, first_allocated_date)
    WHERE first_allocated_date IS NOT NULL;
-- Snapshots (UNALLOCATED, CASELOAD) start from the cases open now.
CREATE INDEX case_fact_open ON case_fact (team, referral_date) WHERE closed_date IS NULL;
CREATE INDEX allocation_fact_case ON allocation_fact (case_id, allocated_at);
CREATE INDEX contact_fact_decided_cover ON contact_fact (decided_date)
    INCLUDE (team, source, decision_working_days, outcome, rationale_recorded) WHERE decided_date IS NOT NULL;
CREATE INDEX contact_fact_received_cover ON contact_fact (received_date) INCLUDE (team, source);

CREATE TABLE assessment_fact (
    assessment_id      UUID         PRIMARY KEY,
    case_id            UUID         NOT NULL,
    child_ref          TEXT         NOT NULL,
    team               TEXT         NOT NULL,
    kind               TEXT         NOT NULL,
    referral_date      DATE         NOT NULL,
    started_at         TIMESTAMPTZ  NOT NULL,
    started_date       DATE         NOT NULL,
    completed_at       TIMESTAMPTZ,
    completed_date     DATE,
    outcome            TEXT,
    primary_need       TEXT,
    -- Per rule set: the clock's anchor, its due date, and working days from the anchor to completion.
    anchor_wt2023      DATE         NOT NULL,
    due_wt2023         DATE         NOT NULL,
    working_days_wt2023 INTEGER,
    anchor_wt2010      DATE         NOT NULL,
    due_wt2010         DATE         NOT NULL,
    working_days_wt2010 INTEGER
);
CREATE INDEX assessment_fact_completed ON assessment_fact (completed_date)
    INCLUDE (team, case_id, working_days_wt2023, working_days_wt2010, kind) WHERE completed_date IS NOT NULL;
CREATE INDEX assessment_fact_team_completed ON assessment_fact (team, completed_date)
    WHERE completed_date IS NOT NULL;
CREATE INDEX assessment_fact_open_wt2023 ON assessment_fact (due_wt2023) WHERE completed_date IS NULL;
CREATE INDEX assessment_fact_open_wt2010 ON assessment_fact (due_wt2010) WHERE completed_date IS NULL;
CREATE INDEX assessment_fact_case ON assessment_fact (case_id);

CREATE TABLE strategy_discussion_fact (
    strategy_discussion_id UUID         PRIMARY KEY,
    case_id                UUID         NOT NULL,
    child_ref              TEXT         NOT NULL,
    team                   TEXT         NOT NULL,
    held_at                TIMESTAMPTZ  NOT NULL,
    held_date              DATE         NOT NULL,
    section47_initiated    BOOLEAN      NOT NULL
);
CREATE INDEX strategy_discussion_fact_case ON strategy_discussion_fact (case_id);

-- started_* come from section47.started, completed_* and outcome from section47.completed; both carry the
-- initiating strategy discussion, so either may come first.
CREATE TABLE section47_fact (
    section47_id             UUID         PRIMARY KEY,
    case_id                  UUID         NOT NULL,
    child_ref                TEXT         NOT NULL,
    team                     TEXT         NOT NULL,
    strategy_discussion_id   UUID,
    strategy_discussion_date DATE,
    icpc_due_by              DATE,
    started_at               TIMESTAMPTZ,
    started_date             DATE,
    completed_at             TIMESTAMPTZ,
    completed_date           DATE,
    outcome                  TEXT
);
CREATE INDEX section47_fact_completed ON section47_fact (completed_date) INCLUDE (team, case_id, outcome)
    WHERE completed_date IS NOT NULL;
-- Enquiries still waiting for their initial conference (ICPC overdue, at risk).
CREATE INDEX section47_fact_awaiting_icpc ON section47_fact (icpc_due_by)
    WHERE outcome IS DISTINCT FROM 'NO_ICPC';

CREATE TABLE conference_fact (
    conference_id            UUID         PRIMARY KEY,
    case_id                  UUID         NOT NULL,
    child_ref                TEXT         NOT NULL,
    team                     TEXT         NOT NULL,
    held_at                  TIMESTAMPTZ  NOT NULL,
    held_date                DATE         NOT NULL,
    kind                     TEXT         NOT NULL,
    transfer_in              BOOLEAN      NOT NULL,
    section47_id             UUID,
    -- The ICPC clock's anchor, from the event or, when it has none, from the enquiry once it is known.
    strategy_discussion_date DATE,
    working_days             INTEGER,
    outcome                  TEXT         NOT NULL,
    category                 TEXT,
    cp_plan_id               UUID
);
CREATE INDEX conference_fact_icpc ON conference_fact (held_date)
    INCLUDE (team, case_id, working_days, outcome) WHERE kind = 'INITIAL' AND NOT transfer_in;
CREATE INDEX conference_fact_team_held ON conference_fact (team, held_date);
CREATE INDEX conference_fact_section47 ON conference_fact (section47_id) WHERE section47_id IS NOT NULL;

-- A plan starts at its initial conference and ends by cp-plan.ended; either may come first.
CREATE TABLE cp_plan_fact (
    cp_plan_id        UUID         PRIMARY KEY,
    case_id           UUID         NOT NULL,
    child_ref         TEXT         NOT NULL,
    team              TEXT         NOT NULL,
    category          TEXT,
    start_date        DATE         NOT NULL,
    end_date          DATE,
    ended_by_closure  BOOLEAN,
    -- What the conference event said (it may know plans from before these facts) ...
    repeat_reported   BOOLEAN,
    -- ... and whether these facts hold an earlier plan of the same child.
    earlier_plan      BOOLEAN      NOT NULL DEFAULT false,
    -- end_date >= start_date plus 2 years.
    lasted_two_years  BOOLEAN
);
CREATE INDEX cp_plan_fact_started ON cp_plan_fact (start_date) INCLUDE (team, case_id, repeat_reported, earlier_plan);
CREATE INDEX cp_plan_fact_ended ON cp_plan_fact (end_date) INCLUDE (team, case_id, lasted_two_years)
    WHERE end_date IS NOT NULL;
CREATE INDEX cp_plan_fact_child ON cp_plan_fact (child_ref, start_date);

CREATE TABLE deallocation_fact (
    case_id           UUID         NOT NULL,
    deallocated_at    TIMESTAMPTZ  NOT NULL,
    worker_id         TEXT         NOT NULL,
    team              TEXT         NOT NULL,
    deallocated_date  DATE         NOT NULL,
    reason            TEXT         NOT NULL,
    waiting_since     TIMESTAMPTZ,
    PRIMARY KEY (case_id, deallocated_at)
);

-- The latest known state of each worker (by the event's occurredAt), for CASELOAD.
CREATE TABLE worker_fact (
    worker_id           TEXT          PRIMARY KEY,
    team                TEXT          NOT NULL,
    fte                 NUMERIC(4, 2) NOT NULL,
    case_holding        BOOLEAN       NOT NULL,
    caseload_threshold  NUMERIC(5, 2),
    updated_at          TIMESTAMPTZ   NOT NULL
);

-- Which consumer group filled the fact tables. Starting under another group empties them and replays
-- the topics (docs/services/metrics-service.md, "Rebuild").
CREATE TABLE fact_build (
    id              INTEGER      PRIMARY KEY CHECK (id = 1),
    consumer_group  TEXT         NOT NULL,
    started_at      TIMESTAMPTZ  NOT NULL
);
