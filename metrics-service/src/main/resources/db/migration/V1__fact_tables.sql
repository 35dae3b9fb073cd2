-- Fact tables (ARCHITECTURE.md §1): one row per contact, case and allocation, with the London dates and
-- working days the indicators count already worked out, so that each indicator family is one aggregate
-- over one table. Rows are written only by the consumer, with upserts that converge whatever order the
-- events arrive in. Nothing here names a person: childRef is pseudonymous (DOMAIN.md §7).

-- One row per contact. contact.received owns the receipt columns, contact.decided the decision columns;
-- both events carry the contact's team, source, receipt time and due date, so the row is complete enough
-- to count whichever arrives first. channel and out_of_hours are only known once the receipt is seen.
CREATE TABLE contact_fact (
    contact_id             UUID         PRIMARY KEY,
    child_ref              TEXT         NOT NULL,
    team                   TEXT         NOT NULL,
    source                 TEXT         NOT NULL,
    channel                TEXT,
    out_of_hours           BOOLEAN,
    received_at            TIMESTAMPTZ  NOT NULL,
    received_date          DATE         NOT NULL,
    decision_due_by        DATE         NOT NULL,
    decided_at             TIMESTAMPTZ,
    decided_date           DATE,
    outcome                TEXT,
    rationale_recorded     BOOLEAN,
    -- workingDaysBetween(received_date, decided_date) on the service's calendar.
    decision_working_days  INTEGER
);

-- CONTACTS counts by receipt date; the decision indicators by decision date (completion period).
CREATE INDEX contact_fact_received ON contact_fact (received_date);
CREATE INDEX contact_fact_team_received ON contact_fact (team, received_date);
CREATE INDEX contact_fact_source_received ON contact_fact (source, received_date);
CREATE INDEX contact_fact_decided ON contact_fact (decided_date) WHERE decided_date IS NOT NULL;
CREATE INDEX contact_fact_team_decided ON contact_fact (team, decided_date) WHERE decided_date IS NOT NULL;
CREATE INDEX contact_fact_source_decided ON contact_fact (source, decided_date) WHERE decided_date IS NOT NULL;
-- The awaiting-decision gauge and the live queue read only undecided contacts.
CREATE INDEX contact_fact_awaiting ON contact_fact (team, received_at) WHERE decided_at IS NULL;

-- One row per case (a referral), from case.opened.
CREATE TABLE case_fact (
    case_id                          UUID         PRIMARY KEY,
    child_ref                        TEXT         NOT NULL,
    contact_id                       UUID         NOT NULL,
    team                             TEXT         NOT NULL,
    source                           TEXT         NOT NULL,
    opened_at                        TIMESTAMPTZ  NOT NULL,
    referral_date                    DATE         NOT NULL,
    re_referral                      BOOLEAN      NOT NULL,
    referrals_in_previous_12_months  INTEGER      NOT NULL
);

CREATE INDEX case_fact_referral ON case_fact (referral_date);
CREATE INDEX case_fact_team_referral ON case_fact (team, referral_date);
CREATE INDEX case_fact_source_referral ON case_fact (source, referral_date);
CREATE INDEX case_fact_child ON case_fact (child_ref, referral_date);

-- One row per allocation of a case to a worker, from case.allocated. An allocation may arrive before
-- the case it allocates (another topic), so there is deliberately no foreign key to case_fact.
CREATE TABLE allocation_fact (
    case_id               UUID         NOT NULL,
    allocated_at          TIMESTAMPTZ  NOT NULL,
    worker_id             TEXT         NOT NULL,
    team                  TEXT         NOT NULL,
    allocated_date        DATE         NOT NULL,
    threshold_overridden  BOOLEAN      NOT NULL,
    -- Null for a case's first allocation.
    previous_worker_id    TEXT,
    PRIMARY KEY (case_id, allocated_at)
);

CREATE INDEX allocation_fact_allocated ON allocation_fact (allocated_date);
CREATE INDEX allocation_fact_team_allocated ON allocation_fact (team, allocated_date);
