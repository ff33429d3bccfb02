-- Process maps: processes, their BPMN versions with the steps each version has, and the knowledge
-- linked to steps. Links belong to the process and a step id, not to a version, so that a new version
-- keeps the links of the steps it still has; a link whose step a version removed is orphaned.

CREATE TABLE processes_process (
  id              UUID NOT NULL PRIMARY KEY,
  org_id          UUID NOT NULL,
  name            VARCHAR(200) NOT NULL,
  description     VARCHAR(5000) NOT NULL,
  tags            VARCHAR(1400) NOT NULL,
  status          VARCHAR(20) NOT NULL,
  owner_id        UUID NOT NULL,
  current_version INT NOT NULL,
  created_by      UUID NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX processes_process_org_idx ON processes_process (org_id, status);

CREATE TABLE processes_version (
  process_id  UUID NOT NULL REFERENCES processes_process (id),
  version     INT NOT NULL,
  org_id      UUID NOT NULL,
  bpmn        BYTEA NOT NULL,
  file_name   VARCHAR(255) NOT NULL,
  size_bytes  INT NOT NULL,
  step_count  INT NOT NULL,
  note        VARCHAR(500) NOT NULL,
  uploaded_by UUID NOT NULL,
  uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (process_id, version)
);

CREATE TABLE processes_step (
  process_id UUID NOT NULL REFERENCES processes_process (id),
  version    INT NOT NULL,
  step_id    VARCHAR(255) NOT NULL,
  name       VARCHAR(500),
  step_type  VARCHAR(64) NOT NULL,
  lane       VARCHAR(500),
  pool       VARCHAR(500),
  position   INT NOT NULL,
  PRIMARY KEY (process_id, version, step_id)
);

CREATE TABLE processes_link (
  id               UUID NOT NULL PRIMARY KEY,
  org_id           UUID NOT NULL,
  process_id       UUID NOT NULL REFERENCES processes_process (id),
  step_id          VARCHAR(255) NOT NULL,
  link_type        VARCHAR(32) NOT NULL,
  target_id        VARCHAR(300) NOT NULL,
  title            VARCHAR(300) NOT NULL,
  note             VARCHAR(500) NOT NULL,
  position         INT NOT NULL,
  linked_version   INT NOT NULL,
  orphaned_version INT,
  created_by       UUID NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX processes_link_step_idx ON processes_link (process_id, step_id, position);
CREATE INDEX processes_link_target_idx ON processes_link (org_id, link_type, target_id);
