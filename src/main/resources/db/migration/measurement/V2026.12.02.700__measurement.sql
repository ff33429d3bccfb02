-- Measurement: the value register (success stories and the knowledge they used) and the targets set
-- for figures. The figures themselves are computed from the other modules' facades and are not stored.

CREATE TABLE measurement_story (
  id              UUID NOT NULL PRIMARY KEY,
  org_id          UUID NOT NULL,
  title           VARCHAR(200) NOT NULL,
  story           VARCHAR(10000) NOT NULL,
  -- the day the outcome happened; totals of a period count stories by this day
  occurred_on     DATE NOT NULL,
  hours_saved     DECIMAL(12, 2),
  cost_amount     DECIMAL(15, 2),
  cost_currency   VARCHAR(3),
  -- revenue or quality effects, in words
  effect          VARCHAR(2000),
  innovation      BOOLEAN NOT NULL,
  innovation_kind VARCHAR(20),
  innovation_note VARCHAR(2000),
  reported_by     UUID NOT NULL,
  reported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  confirmed_by    UUID,
  confirmed_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX measurement_story_org_day_idx ON measurement_story (org_id, occurred_on);

CREATE TABLE measurement_story_link (
  story_id    UUID NOT NULL REFERENCES measurement_story (id),
  org_id      UUID NOT NULL,
  position    INT NOT NULL,
  record_type VARCHAR(40) NOT NULL,
  record_id   VARCHAR(200) NOT NULL,
  -- as the record read when it was linked (shown to those who may still see it)
  title       VARCHAR(300) NOT NULL,
  path        VARCHAR(500) NOT NULL,
  PRIMARY KEY (story_id, position)
);
CREATE INDEX measurement_story_link_record_idx ON measurement_story_link (org_id, record_type, record_id);

CREATE TABLE measurement_target (
  org_id       UUID NOT NULL,
  metric       VARCHAR(60) NOT NULL,
  -- AT_LEAST or AT_MOST
  direction    VARCHAR(10) NOT NULL,
  target_value DECIMAL(18, 4) NOT NULL,
  set_by       UUID NOT NULL,
  set_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, metric)
);
