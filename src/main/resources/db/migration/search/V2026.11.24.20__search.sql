-- Search: the synonyms each organization edits, and the searches that found nothing (knowledge gaps).
-- The Lucene index itself lives under the data directory and is rebuilt from the other modules' tables.

CREATE TABLE search_synonym (
  org_id    UUID NOT NULL,
  term      VARCHAR(100) NOT NULL,
  -- the synonyms, separated by commas (which a synonym may not contain)
  synonyms  VARCHAR(2100) NOT NULL,
  -- the order in which the organization listed its terms
  position  INT NOT NULL,
  PRIMARY KEY (org_id, term)
);

CREATE TABLE search_gap (
  org_id            UUID NOT NULL,
  -- lower case, single spaces
  query_text        VARCHAR(500) NOT NULL,
  searches          BIGINT NOT NULL,
  first_searched_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_searched_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (org_id, query_text)
);
CREATE INDEX search_gap_searches_idx ON search_gap (org_id, searches);
