-- Contacts and the cases they open. Nothing here names a person: childRef is pseudonymous and the
-- child is described only by birth month, gender and ethnicity codes (DOMAIN.md §7).

CREATE TABLE contact (
    id                  UUID         PRIMARY KEY,
    child_ref           TEXT         NOT NULL,
    received_at         TIMESTAMPTZ  NOT NULL,
    source              TEXT         NOT NULL,
    channel             TEXT         NOT NULL,
    out_of_hours        BOOLEAN      NOT NULL,
    team                TEXT         NOT NULL,
    contact_group       TEXT,
    concerns            TEXT,
    child_birth_month   TEXT,
    child_gender        TEXT,
    child_ethnicity     TEXT,
    decision_due_by     DATE         NOT NULL,
    status              TEXT         NOT NULL,
    outcome             TEXT,
    decided_at          TIMESTAMPTZ,
    decided_by          TEXT,
    rationale           TEXT,
    case_id             UUID,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version             BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX contact_status_received ON contact (status, received_at);
CREATE INDEX contact_team_received ON contact (team, received_at);
CREATE INDEX contact_child ON contact (child_ref);

CREATE TABLE social_care_case (
    id                              UUID         PRIMARY KEY,
    child_ref                       TEXT         NOT NULL,
    contact_id                      UUID         NOT NULL REFERENCES contact (id),
    team                            TEXT         NOT NULL,
    source                          TEXT         NOT NULL,
    referral_date                   DATE         NOT NULL,
    opened_at                       TIMESTAMPTZ  NOT NULL,
    status                          TEXT         NOT NULL,
    re_referral                     BOOLEAN      NOT NULL,
    referrals_in_previous_12_months INTEGER      NOT NULL,
    closed_at                       TIMESTAMPTZ,
    version                         BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX case_child ON social_care_case (child_ref, referral_date);
CREATE INDEX case_team_status ON social_care_case (team, status);
-- At most one open case per child: a second referral while one is open is PASSED_TO_OPEN_CASE.
CREATE UNIQUE INDEX case_one_open_per_child ON social_care_case (child_ref) WHERE status = 'OPEN';
