-- A year of library and search activity for organization "bench" (issue 12), on Tacit's own H2 schema:
-- 100,000 items (about 2 KB of body each) in the organization's 20 spaces, 300,000 versions by 500
-- authors spread over the 365 days up to today, 50,000 "used this" marks, views and searches every day,
-- 5,000 knowledge gaps. Run with the server stopped (bench/measurement/dashboard.sh does).
SET @ORG = (SELECT id FROM organizations_org WHERE slug = 'bench');
CREATE TABLE bench_space AS SELECT ROW_NUMBER() OVER (ORDER BY space_key) AS n, id FROM library_space WHERE org_id = @ORG;

INSERT INTO library_item (id, org_id, space_id, kind, status, title, summary, body, tags, owner_id, version, review_days,
  review_by, verified_at, verified_by, views, created_by, created_at, updated_at)
SELECT CAST('00000000-0000-0000-0001-' || LPAD(CAST(X AS VARCHAR), 12, '0') AS UUID), @ORG,
  (SELECT id FROM bench_space WHERE n = MOD(X / 7, 20) + 1),
  CASE MOD(X, 5) WHEN 0 THEN 'ARTICLE' WHEN 1 THEN 'TEMPLATE' WHEN 2 THEN 'CHECKLIST' WHEN 3 THEN 'FAQ' ELSE 'WORK_SAMPLE' END,
  'PUBLISHED', 'Item ' || X, 'Summary ' || X, REPEAT('word ', 400), '',
  CAST('22222222-2222-2222-2222-' || LPAD(CAST(MOD(X, 500) AS VARCHAR), 12, '0') AS UUID), 3, NULL,
  CURRENT_TIMESTAMP + (MOD(X, 700) - 200) * INTERVAL '1' DAY, CURRENT_TIMESTAMP - INTERVAL '400' DAY,
  CAST('22222222-2222-2222-2222-' || LPAD(CAST(MOD(X, 500) AS VARCHAR), 12, '0') AS UUID), MOD(X, 50),
  CAST('22222222-2222-2222-2222-' || LPAD(CAST(MOD(X, 500) AS VARCHAR), 12, '0') AS UUID),
  CURRENT_TIMESTAMP - INTERVAL '400' DAY, CURRENT_TIMESTAMP
FROM SYSTEM_RANGE(1, 100000);

INSERT INTO library_version (item_id, version, kind, title, summary, body, tags, owner_id, author_id, message, created_at)
SELECT CAST('00000000-0000-0000-0001-' || LPAD(CAST(X AS VARCHAR), 12, '0') AS UUID), V,
  CASE MOD(X, 5) WHEN 0 THEN 'ARTICLE' WHEN 1 THEN 'TEMPLATE' WHEN 2 THEN 'CHECKLIST' WHEN 3 THEN 'FAQ' ELSE 'WORK_SAMPLE' END,
  'Item ' || X, 'Summary ' || X, REPEAT('word ', 400), '',
  CAST('22222222-2222-2222-2222-' || LPAD(CAST(MOD(X, 500) AS VARCHAR), 12, '0') AS UUID),
  CAST('22222222-2222-2222-2222-' || LPAD(CAST(MOD(X + V * 37, 500) AS VARCHAR), 12, '0') AS UUID), NULL,
  CURRENT_TIMESTAMP - MOD(X * 7 + V * 31, 365) * INTERVAL '1' DAY
FROM SYSTEM_RANGE(1, 100000), SYSTEM_RANGE(1, 3) T(V);

INSERT INTO library_use (org_id, item_id, person_id, note, used_at)
SELECT @ORG, CAST('00000000-0000-0000-0001-' || LPAD(CAST(MOD(X * 13, 100000) + 1 AS VARCHAR), 12, '0') AS UUID),
  CAST('22222222-2222-2222-2222-' || LPAD(CAST(MOD(X, 500) AS VARCHAR), 12, '0') AS UUID), NULL,
  CURRENT_TIMESTAMP - MOD(X, 365) * INTERVAL '1' DAY
FROM SYSTEM_RANGE(1, 50000);

-- the daily counts, rebuilt from those records exactly as migration V2026.12.02.970 does
DELETE FROM library_activity_daily WHERE org_id = @ORG;
DELETE FROM library_contributor_daily WHERE org_id = @ORG;
INSERT INTO library_activity_daily (org_id, on_day, space_id, kind, contributions, reuses, views)
SELECT org_id, on_day, space_id, kind, SUM(c), SUM(r), 0 FROM (
  SELECT i.org_id, CAST(v.created_at AT TIME ZONE 'UTC' AS DATE) AS on_day, i.space_id, v.kind, 1 AS c, 0 AS r
  FROM library_version v JOIN library_item i ON i.id = v.item_id WHERE i.org_id = @ORG
  UNION ALL
  SELECT u.org_id, CAST(u.used_at AT TIME ZONE 'UTC' AS DATE) AS on_day, i.space_id, i.kind, 0 AS c, 1 AS r
  FROM library_use u JOIN library_item i ON i.id = u.item_id AND i.org_id = u.org_id WHERE u.org_id = @ORG
) a
GROUP BY org_id, on_day, space_id, kind;
INSERT INTO library_contributor_daily (org_id, on_day, person_id, space_id, versions)
SELECT i.org_id, CAST(v.created_at AT TIME ZONE 'UTC' AS DATE), v.author_id, i.space_id, COUNT(*)
FROM library_version v JOIN library_item i ON i.id = v.item_id WHERE i.org_id = @ORG
GROUP BY i.org_id, CAST(v.created_at AT TIME ZONE 'UTC' AS DATE), v.author_id, i.space_id;
-- views are not recorded with their items' pages here: about 300 a day spread over the spaces and kinds
UPDATE library_activity_daily SET views = MOD(contributions * 7 + reuses * 3, 17) + 1 WHERE org_id = @ORG;

-- searches: 2,000 a day, 150 of them without results; 5,000 different gaps over the year
INSERT INTO search_daily (org_id, on_day, searches, zero_results)
SELECT @ORG, CAST(CURRENT_TIMESTAMP - X * INTERVAL '1' DAY AS DATE), 2000, 150 FROM SYSTEM_RANGE(0, 364);
INSERT INTO search_gap (org_id, query_text, searches, first_searched_at, last_searched_at)
SELECT @ORG, 'missing topic ' || X, MOD(X, 40) + 1, CURRENT_TIMESTAMP - MOD(X * 3, 365) * INTERVAL '1' DAY - INTERVAL '1' DAY,
  CURRENT_TIMESTAMP - MOD(X, 180) * INTERVAL '1' DAY
FROM SYSTEM_RANGE(1, 5000);

DROP TABLE bench_space;
SELECT (SELECT COUNT(*) FROM library_item WHERE org_id = @ORG) AS items,
  (SELECT COUNT(*) FROM library_activity_daily WHERE org_id = @ORG) AS activity_rows,
  (SELECT COUNT(*) FROM library_contributor_daily WHERE org_id = @ORG) AS contributor_rows;
