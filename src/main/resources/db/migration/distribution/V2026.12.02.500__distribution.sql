-- Distribution: what people follow, the notifications they get, announcements and their
-- acknowledgements, webhooks with their delivery log, SMTP settings and the outgoing mail queue.

-- A follow. Removing one keeps the row inactive, so that a default follow (own items, own
-- communities) is not made again after the person stopped it.
CREATE TABLE distribution_follow (
  id         UUID NOT NULL PRIMARY KEY,
  org_id     UUID NOT NULL,
  person_id  UUID NOT NULL,
  kind       VARCHAR(20) NOT NULL,
  target     VARCHAR(200) NOT NULL,
  active     BOOLEAN NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT distribution_follow_once UNIQUE (org_id, person_id, kind, target)
);
CREATE INDEX distribution_follow_target_idx ON distribution_follow (org_id, kind, target);

-- One notification of one person. event_key makes a replayed event deliver nothing twice.
CREATE TABLE distribution_notification (
  id           UUID NOT NULL PRIMARY KEY,
  org_id       UUID NOT NULL,
  person_id    UUID NOT NULL,
  kind         VARCHAR(30) NOT NULL,
  event_key    VARCHAR(200) NOT NULL,
  record_type  VARCHAR(30) NOT NULL,
  record_id    VARCHAR(200) NOT NULL,
  title        VARCHAR(300) NOT NULL,
  path         VARCHAR(500) NOT NULL,
  note         VARCHAR(1000),
  actor_id     UUID,
  reason       VARCHAR(250) NOT NULL,
  channel      VARCHAR(10) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  read_at      TIMESTAMP WITH TIME ZONE,
  digested_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT distribution_notification_once UNIQUE (org_id, person_id, event_key)
);
CREATE INDEX distribution_notification_person_idx ON distribution_notification (org_id, person_id, created_at);
CREATE INDEX distribution_notification_digest_idx ON distribution_notification (channel, digested_at);

-- How a person wants each kind of notification; no row means in the feed only.
CREATE TABLE distribution_preference (
  org_id    UUID NOT NULL,
  person_id UUID NOT NULL,
  kind      VARCHAR(30) NOT NULL,
  channel   VARCHAR(10) NOT NULL,
  PRIMARY KEY (org_id, person_id, kind)
);

CREATE TABLE distribution_announcement (
  id               UUID NOT NULL PRIMARY KEY,
  org_id           UUID NOT NULL,
  author_id        UUID NOT NULL,
  title            VARCHAR(200) NOT NULL,
  body             VARCHAR(20000) NOT NULL,
  must_acknowledge BOOLEAN NOT NULL,
  audience         VARCHAR(100) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  reminded_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX distribution_announcement_org_idx ON distribution_announcement (org_id, created_at);

-- Who an announcement reached (its audience as it was when published) and when each acknowledged it.
CREATE TABLE distribution_recipient (
  announcement_id UUID NOT NULL REFERENCES distribution_announcement (id),
  org_id          UUID NOT NULL,
  person_id       UUID NOT NULL,
  acknowledged_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (announcement_id, person_id)
);
CREATE INDEX distribution_recipient_person_idx ON distribution_recipient (org_id, person_id);

CREATE TABLE distribution_webhook (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL,
  url         VARCHAR(2000) NOT NULL,
  events      VARCHAR(500) NOT NULL,
  secret      VARCHAR(200) NOT NULL,
  active      BOOLEAN NOT NULL,
  failures    INTEGER NOT NULL,
  created_by  UUID NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  disabled_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX distribution_webhook_org_idx ON distribution_webhook (org_id, created_at);

-- One event for one webhook, with its attempts: the delivery log and the retry queue at once.
CREATE TABLE distribution_delivery (
  id            UUID NOT NULL PRIMARY KEY,
  org_id        UUID NOT NULL,
  webhook_id    UUID NOT NULL REFERENCES distribution_webhook (id),
  event_kind    VARCHAR(30) NOT NULL,
  event_key     VARCHAR(200) NOT NULL,
  payload       VARCHAR(20000) NOT NULL,
  status        VARCHAR(10) NOT NULL,
  attempts      INTEGER NOT NULL,
  response_code INTEGER,
  last_error    VARCHAR(1000),
  next_at       TIMESTAMP WITH TIME ZONE,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT distribution_delivery_once UNIQUE (webhook_id, event_key)
);
CREATE INDEX distribution_delivery_hook_idx ON distribution_delivery (org_id, webhook_id, created_at);
CREATE INDEX distribution_delivery_due_idx ON distribution_delivery (status, next_at);

CREATE TABLE distribution_mail_settings (
  org_id       UUID NOT NULL PRIMARY KEY,
  host         VARCHAR(255) NOT NULL,
  port         INTEGER NOT NULL,
  security     VARCHAR(10) NOT NULL,
  username     VARCHAR(255),
  password     VARCHAR(255),
  from_address VARCHAR(255) NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Outgoing mail: written in the request's transaction, sent by the queue worker, retried until sent.
CREATE TABLE distribution_mail (
  id          UUID NOT NULL PRIMARY KEY,
  org_id      UUID NOT NULL,
  person_id   UUID NOT NULL,
  to_address  VARCHAR(320) NOT NULL,
  subject     VARCHAR(300) NOT NULL,
  text_body   VARCHAR(100000) NOT NULL,
  html_body   VARCHAR(200000) NOT NULL,
  unsubscribe VARCHAR(1000),
  status      VARCHAR(10) NOT NULL,
  attempts    INTEGER NOT NULL,
  last_error  VARCHAR(1000),
  next_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX distribution_mail_due_idx ON distribution_mail (status, next_at);
CREATE INDEX distribution_mail_org_idx ON distribution_mail (org_id, created_at);
