-- Communities of practice: the community with its charter (purpose, roles, deliverables, capability
-- intent, rhythm), charter versions after launch, membership, and the discussions and Q&A held in it.

CREATE TABLE communities_community (
  id                UUID NOT NULL PRIMARY KEY,
  org_id            UUID NOT NULL,
  name              VARCHAR(200) NOT NULL,
  -- the name in lower case: two communities of an organization may not share a name
  name_key          VARCHAR(200) NOT NULL,
  description       VARCHAR(2000) NOT NULL,
  -- the domain tags, separated by commas (each is also a row of communities_tag)
  tags              VARCHAR(1400) NOT NULL,
  status            VARCHAR(20) NOT NULL,
  join_policy       VARCHAR(20) NOT NULL,
  -- the community space's visibility, fixed when the space is made with the community
  members_only      BOOLEAN NOT NULL,
  space_key         VARCHAR(32) NOT NULL,
  purpose           VARCHAR(4000) NOT NULL,
  capability_intent VARCHAR(4000) NOT NULL,
  rhythm            VARCHAR(500) NOT NULL,
  -- 0 until launch; the launch records version 1 and every later charter change the next one
  charter_version   INT NOT NULL,
  created_by        UUID NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  launched_at       TIMESTAMP WITH TIME ZONE,
  status_changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the newest thread or post
  last_activity_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT communities_name_uq UNIQUE (org_id, name_key)
);
CREATE INDEX communities_community_org_status_idx ON communities_community (org_id, status);

CREATE TABLE communities_tag (
  community_id UUID NOT NULL REFERENCES communities_community (id),
  tag          VARCHAR(64) NOT NULL,
  PRIMARY KEY (community_id, tag)
);
CREATE INDEX communities_tag_tag_idx ON communities_tag (tag);

-- The charter's roles: a named member of the organization and what they are responsible for.
CREATE TABLE communities_role (
  id               UUID NOT NULL PRIMARY KEY,
  community_id     UUID NOT NULL REFERENCES communities_community (id),
  org_id           UUID NOT NULL,
  role             VARCHAR(20) NOT NULL,
  person_id        UUID NOT NULL,
  responsibilities VARCHAR(2000) NOT NULL,
  position         INT NOT NULL
);
CREATE INDEX communities_role_community_idx ON communities_role (community_id, position);
CREATE INDEX communities_role_person_idx ON communities_role (org_id, person_id);

CREATE TABLE communities_deliverable (
  id           UUID NOT NULL PRIMARY KEY,
  community_id UUID NOT NULL REFERENCES communities_community (id),
  org_id       UUID NOT NULL,
  description  VARCHAR(500) NOT NULL,
  target_date  DATE NOT NULL,
  status       VARCHAR(20) NOT NULL,
  delivered_on DATE,
  position     INT NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX communities_deliverable_community_idx ON communities_deliverable (community_id, position);

-- Library items that a deliverable produced or is made of.
CREATE TABLE communities_deliverable_item (
  deliverable_id UUID NOT NULL REFERENCES communities_deliverable (id),
  item_id        UUID NOT NULL,
  position       INT NOT NULL,
  PRIMARY KEY (deliverable_id, item_id)
);

-- The charter as it was at launch (version 1) and after each later change, as JSON.
CREATE TABLE communities_charter_version (
  community_id UUID NOT NULL REFERENCES communities_community (id),
  version      INT NOT NULL,
  snapshot     VARCHAR(200000) NOT NULL,
  note         VARCHAR(500),
  changed_by   UUID NOT NULL,
  changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (community_id, version)
);

-- MEMBER, or REQUESTED (waiting for a leader's approval), or INVITED (waiting for the person).
CREATE TABLE communities_member (
  community_id UUID NOT NULL REFERENCES communities_community (id),
  person_id    UUID NOT NULL,
  org_id       UUID NOT NULL,
  status       VARCHAR(20) NOT NULL,
  invited_by   UUID,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  joined_at    TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (community_id, person_id)
);
CREATE INDEX communities_member_person_idx ON communities_member (org_id, person_id);

-- A discussion or a question; its opening post is the first row of communities_post.
CREATE TABLE communities_thread (
  id               UUID NOT NULL PRIMARY KEY,
  org_id           UUID NOT NULL,
  community_id     UUID NOT NULL REFERENCES communities_community (id),
  title            VARCHAR(200) NOT NULL,
  question         BOOLEAN NOT NULL,
  tags             VARCHAR(700) NOT NULL,
  author_id        UUID NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  last_post_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  replies          INT NOT NULL,
  -- the first reply by someone other than the asker, for the time to first answer
  first_answer_at  TIMESTAMP WITH TIME ZONE,
  accepted_post_id UUID,
  accepted_by      UUID,
  accepted_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX communities_thread_community_idx ON communities_thread (community_id, last_post_at);
CREATE INDEX communities_thread_org_idx ON communities_thread (org_id, created_at);

CREATE TABLE communities_post (
  id               UUID NOT NULL PRIMARY KEY,
  org_id           UUID NOT NULL,
  community_id     UUID NOT NULL REFERENCES communities_community (id),
  thread_id        UUID NOT NULL REFERENCES communities_thread (id),
  author_id        UUID NOT NULL,
  body             VARCHAR(20000) NOT NULL,
  opening          BOOLEAN NOT NULL,
  reply_to         UUID,
  votes            INT NOT NULL,
  promoted_item_id UUID,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  edited_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX communities_post_thread_idx ON communities_post (thread_id, created_at);
CREATE INDEX communities_post_community_idx ON communities_post (community_id, created_at);

CREATE TABLE communities_vote (
  post_id    UUID NOT NULL REFERENCES communities_post (id),
  person_id  UUID NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (post_id, person_id)
);
CREATE INDEX communities_vote_person_idx ON communities_vote (person_id, created_at);

-- Members named in a post as @email.
CREATE TABLE communities_mention (
  post_id   UUID NOT NULL REFERENCES communities_post (id),
  person_id UUID NOT NULL,
  PRIMARY KEY (post_id, person_id)
);
