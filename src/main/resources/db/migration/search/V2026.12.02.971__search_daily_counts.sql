-- Searches per UTC day, and how many of them found nothing (issue 12: figures per period).
CREATE TABLE search_daily (
  org_id       UUID NOT NULL,
  on_day       DATE NOT NULL,
  searches     BIGINT DEFAULT 0 NOT NULL,
  zero_results BIGINT DEFAULT 0 NOT NULL,
  PRIMARY KEY (org_id, on_day)
);

-- the gaps of a period
CREATE INDEX search_gap_last_idx ON search_gap (org_id, last_searched_at);
