-- The library's activity per UTC day, kept as it happens (issue 12: figures of a period at 100k items).
-- Per space and kind as they were at the time: versions saved, "used this" marks and views.
CREATE TABLE library_activity_daily (
  org_id        UUID NOT NULL,
  on_day        DATE NOT NULL,
  space_id      UUID NOT NULL,
  kind          VARCHAR(20) NOT NULL,
  contributions BIGINT DEFAULT 0 NOT NULL,
  reuses        BIGINT DEFAULT 0 NOT NULL,
  views         BIGINT DEFAULT 0 NOT NULL,
  PRIMARY KEY (org_id, on_day, space_id, kind)
);

-- Who saved versions on a day, in which space: active contributors and the drill-down by team.
CREATE TABLE library_contributor_daily (
  org_id    UUID NOT NULL,
  on_day    DATE NOT NULL,
  person_id UUID NOT NULL,
  space_id  UUID NOT NULL,
  versions  BIGINT DEFAULT 0 NOT NULL,
  PRIMARY KEY (org_id, on_day, person_id, space_id)
);

-- Rebuilt from the records: every version and "used this" mark so far. Views before this version were
-- counted without dates and stay out of the daily counts.
INSERT INTO library_activity_daily (org_id, on_day, space_id, kind, contributions, reuses, views)
SELECT org_id, on_day, space_id, kind, SUM(c), SUM(r), 0 FROM (
  SELECT i.org_id, CAST(v.created_at AT TIME ZONE 'UTC' AS DATE) AS on_day, i.space_id, v.kind, 1 AS c, 0 AS r
  FROM library_version v JOIN library_item i ON i.id = v.item_id
  UNION ALL
  SELECT u.org_id, CAST(u.used_at AT TIME ZONE 'UTC' AS DATE) AS on_day, i.space_id, i.kind, 0 AS c, 1 AS r
  FROM library_use u JOIN library_item i ON i.id = u.item_id AND i.org_id = u.org_id
) a
GROUP BY org_id, on_day, space_id, kind;

INSERT INTO library_contributor_daily (org_id, on_day, person_id, space_id, versions)
SELECT i.org_id, CAST(v.created_at AT TIME ZONE 'UTC' AS DATE), v.author_id, i.space_id, COUNT(*)
FROM library_version v JOIN library_item i ON i.id = v.item_id
GROUP BY i.org_id, CAST(v.created_at AT TIME ZONE 'UTC' AS DATE), v.author_id, i.space_id;

-- published and stale items per space without reading the items' rows
CREATE INDEX library_item_org_status_space_idx ON library_item (org_id, status, space_id, review_by);
