-- KM competencies: frameworks, assessment cycles, assessments and their ratings.

-- A competency framework of an organization. Its scale, job profiles and competencies are one JSON
-- document (definition): a framework is read and changed whole, and is small (limits in docs).
-- builtin_key is set for the framework Tacit provides (one per organization; it cannot be changed).
CREATE TABLE competencies_framework (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL,
  name        VARCHAR(200) NOT NULL,
  description VARCHAR(4000) NOT NULL,
  definition  TEXT NOT NULL,
  builtin_key VARCHAR(64),
  copied_from UUID,
  created_by  UUID,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT competencies_framework_builtin_uq UNIQUE (org_id, builtin_key)
);
CREATE INDEX competencies_framework_org_idx ON competencies_framework (org_id, name);

-- An assessment cycle: people are assessed against one framework between two dates (both included).
CREATE TABLE competencies_cycle (
  id           UUID NOT NULL PRIMARY KEY,
  org_id       UUID NOT NULL,
  name         VARCHAR(200) NOT NULL,
  framework_id UUID NOT NULL REFERENCES competencies_framework (id),
  opens_on     DATE NOT NULL,
  closes_on    DATE NOT NULL,
  created_by   UUID NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX competencies_cycle_org_idx ON competencies_cycle (org_id, opens_on);

-- One person's assessment in a cycle, against one job profile of the cycle's framework.
CREATE TABLE competencies_assessment (
  id             UUID NOT NULL PRIMARY KEY,
  org_id         UUID NOT NULL,
  cycle_id       UUID NOT NULL REFERENCES competencies_cycle (id),
  person_id      UUID NOT NULL,
  profile        VARCHAR(64) NOT NULL,
  status         VARCHAR(20) NOT NULL,
  created_by     UUID NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  self_at        TIMESTAMP WITH TIME ZONE,
  manager_at     TIMESTAMP WITH TIME ZONE,
  signed_off_at  TIMESTAMP WITH TIME ZONE,
  signed_off_by  UUID,
  CONSTRAINT competencies_assessment_person_uq UNIQUE (cycle_id, person_id)
);
CREATE INDEX competencies_assessment_person_idx ON competencies_assessment (org_id, person_id);
CREATE INDEX competencies_assessment_status_idx ON competencies_assessment (org_id, status);

-- A level given to one competency of an assessment, by the person (SELF) or their manager (MANAGER).
CREATE TABLE competencies_rating (
  assessment_id UUID NOT NULL REFERENCES competencies_assessment (id),
  org_id        UUID NOT NULL,
  competency    VARCHAR(80) NOT NULL,
  rater         VARCHAR(8) NOT NULL,
  rated_level   INT NOT NULL,
  evidence      VARCHAR(2000) NOT NULL,
  rated_by      UUID NOT NULL,
  rated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (assessment_id, competency, rater)
);
