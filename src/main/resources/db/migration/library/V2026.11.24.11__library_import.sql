-- Where an imported item came from (its path in the imported folder), so a second import updates it
-- instead of making a copy.
ALTER TABLE library_item ADD COLUMN source_key VARCHAR(500);
CREATE UNIQUE INDEX library_item_source_uq ON library_item (org_id, source_key);
