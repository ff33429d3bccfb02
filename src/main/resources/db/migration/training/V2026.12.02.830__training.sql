-- Training catalog: courses with their learning links and the competencies they develop, assignments of
-- courses to members (due date, completion, confirmation) and rules that assign courses by role.

CREATE TABLE training_course (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL,
  title       VARCHAR(200) NOT NULL,
  description TEXT NOT NULL,
  course_type VARCHAR(16) NOT NULL,
  trainer_id  UUID,
  duration    VARCHAR(100),
  created_by  UUID NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX training_course_org_idx ON training_course (org_id, title);

-- A learning item of a course: any record Tacit can link (a library item, a lesson, a process ...).
CREATE TABLE training_course_link (
  course_id   UUID NOT NULL,
  org_id      UUID NOT NULL,
  seq         INT NOT NULL,
  record_type VARCHAR(32) NOT NULL,
  record_id   VARCHAR(200) NOT NULL,
  PRIMARY KEY (course_id, seq)
);

-- A competency code (another module's competency, validated there) that a course develops.
CREATE TABLE training_course_competency (
  course_id   UUID NOT NULL,
  org_id      UUID NOT NULL,
  code        VARCHAR(64) NOT NULL,
  seq         INT NOT NULL,
  PRIMARY KEY (course_id, code)
);
CREATE INDEX training_course_competency_code_idx ON training_course_competency (org_id, code);

-- Every <role> completes <course> within <within_days> days, and again every <every_days> days when set.
CREATE TABLE training_rule (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL,
  course_id   UUID NOT NULL,
  member_role VARCHAR(32) NOT NULL,
  within_days INT NOT NULL,
  every_days  INT,
  created_by  UUID NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  removed_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX training_rule_org_idx ON training_rule (org_id, member_role);

-- A course assigned to a member. status: OPEN, COMPLETED_SELF_REPORTED, CONFIRMED, CANCELLED (the person left).
CREATE TABLE training_assignment (
  id           UUID NOT NULL PRIMARY KEY,
  org_id       UUID NOT NULL,
  course_id    UUID NOT NULL,
  person_id    UUID NOT NULL,
  due_date     DATE NOT NULL,
  reason       VARCHAR(500),
  rule_id      UUID,
  status       VARCHAR(32) NOT NULL,
  assigned_by  UUID,
  assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  evidence     VARCHAR(2000),
  evidence_link VARCHAR(500),
  completed_by UUID,
  completed_at TIMESTAMP WITH TIME ZONE,
  confirmed_by UUID,
  confirmed_at TIMESTAMP WITH TIME ZONE,
  -- "<course>:<person>" while OPEN, null afterwards: at most one open assignment of a course per person
  open_key     VARCHAR(80),
  CONSTRAINT training_assignment_open_uq UNIQUE (org_id, open_key)
);
CREATE INDEX training_assignment_person_idx ON training_assignment (org_id, person_id, status);
CREATE INDEX training_assignment_course_idx ON training_assignment (org_id, course_id, status);
CREATE INDEX training_assignment_due_idx ON training_assignment (org_id, due_date);
