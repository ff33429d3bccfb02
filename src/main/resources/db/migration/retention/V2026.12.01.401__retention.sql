-- Knowledge retention and expertise: profiles, derived expertise, the knowledge-loss risk register and
-- knowledge transfer plans. Every row carries org_id; people are the organizations module's ids.

-- What a member declares about their own expertise
CREATE TABLE retention_profile (
  org_id       UUID NOT NULL,
  person_id    UUID NOT NULL,
  ask_me_about VARCHAR(1000) NOT NULL,
  -- comma-separated, in the person's order
  languages    VARCHAR(600) NOT NULL,
  location     VARCHAR(200) NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, person_id)
);

CREATE TABLE retention_profile_area (
  org_id    UUID NOT NULL,
  person_id UUID NOT NULL,
  tag       VARCHAR(64) NOT NULL,
  -- self-rated, 1 (basic awareness) to 5 (the person others go to)
  rating    INT NOT NULL,
  sort_order INT NOT NULL,
  PRIMARY KEY (org_id, person_id, tag)
);
CREATE INDEX retention_profile_area_tag_idx ON retention_profile_area (org_id, tag);

-- Derived expertise: a projection of other modules' events (a published item, an accepted answer),
-- one row per tag of the record; rebuildable from the modules that own the records.
CREATE TABLE retention_evidence (
  org_id      UUID NOT NULL,
  person_id   UUID NOT NULL,
  tag         VARCHAR(64) NOT NULL,
  kind        VARCHAR(32) NOT NULL,
  record_type VARCHAR(32) NOT NULL,
  record_id   VARCHAR(100) NOT NULL,
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, person_id, kind, record_type, record_id, tag)
);
CREATE INDEX retention_evidence_tag_idx ON retention_evidence (org_id, tag);
CREATE INDEX retention_evidence_record_idx ON retention_evidence (org_id, record_type, record_id);

-- How an organization turns time to departure into attrition risk, and total risk into bands
CREATE TABLE retention_settings (
  org_id          UUID NOT NULL PRIMARY KEY,
  attrition5_months INT NOT NULL,
  attrition4_months INT NOT NULL,
  attrition3_months INT NOT NULL,
  attrition2_months INT NOT NULL,
  high_from       INT NOT NULL,
  medium_from     INT NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE retention_risk (
  id                 UUID NOT NULL PRIMARY KEY,
  org_id             UUID NOT NULL,
  -- the person who holds the knowledge, or null for a position (then position_title names it)
  person_id          UUID,
  position_title     VARCHAR(200) NOT NULL,
  departure_type     VARCHAR(20) NOT NULL,
  departure_date     DATE,
  departure_reason   VARCHAR(1000) NOT NULL,
  -- the assessor's attrition risk when there is no date; with a date it is computed
  attrition_given    INT,
  criticality        INT,
  uniqueness         INT,
  documentation_gap  INT,
  position_risk      INT NOT NULL,
  -- computed, refreshed as time passes (computed_on is the day they were computed for)
  attrition_risk     INT NOT NULL,
  total              INT NOT NULL,
  band               VARCHAR(10) NOT NULL,
  computed_on        DATE NOT NULL,
  status             VARCHAR(10) NOT NULL,
  notes              VARCHAR(4000) NOT NULL,
  created_by         UUID NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retention_risk_org_idx ON retention_risk (org_id, status, total);
CREATE INDEX retention_risk_person_idx ON retention_risk (org_id, person_id);

CREATE TABLE retention_risk_area (
  risk_id     UUID NOT NULL REFERENCES retention_risk (id),
  sort_order  INT NOT NULL,
  description VARCHAR(1000) NOT NULL,
  tags        VARCHAR(1000) NOT NULL,
  PRIMARY KEY (risk_id, sort_order)
);

CREATE TABLE retention_plan (
  id         UUID NOT NULL PRIMARY KEY,
  org_id     UUID NOT NULL,
  risk_id    UUID NOT NULL REFERENCES retention_risk (id),
  status     VARCHAR(12) NOT NULL,
  -- comma-separated transfer methods
  methods    VARCHAR(200) NOT NULL,
  due_date   DATE,
  notes      VARCHAR(4000) NOT NULL,
  created_by UUID NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retention_plan_risk_idx ON retention_plan (org_id, risk_id);

CREATE TABLE retention_plan_successor (
  plan_id   UUID NOT NULL REFERENCES retention_plan (id),
  person_id UUID NOT NULL,
  sort_order INT NOT NULL,
  PRIMARY KEY (plan_id, person_id)
);
CREATE INDEX retention_plan_successor_person_idx ON retention_plan_successor (person_id);

CREATE TABLE retention_task (
  id         UUID NOT NULL PRIMARY KEY,
  org_id     UUID NOT NULL,
  plan_id    UUID NOT NULL REFERENCES retention_plan (id),
  title      VARCHAR(200) NOT NULL,
  method     VARCHAR(20),
  owner_id   UUID NOT NULL,
  due_date   DATE NOT NULL,
  done_at    TIMESTAMP WITH TIME ZONE,
  done_by    UUID,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retention_task_plan_idx ON retention_task (plan_id);
CREATE INDEX retention_task_owner_idx ON retention_task (org_id, owner_id, done_at);

-- What a plan captured: links to library items and lessons (by record type and id)
CREATE TABLE retention_output (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL,
  plan_id     UUID NOT NULL REFERENCES retention_plan (id),
  record_type VARCHAR(32) NOT NULL,
  record_id   VARCHAR(100) NOT NULL,
  title       VARCHAR(200) NOT NULL,
  path        VARCHAR(300) NOT NULL,
  added_by    UUID NOT NULL,
  added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT retention_output_uq UNIQUE (plan_id, record_type, record_id)
);
