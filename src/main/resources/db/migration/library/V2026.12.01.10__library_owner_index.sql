-- "My work" lists a person's own drafts and stale items on every organization home page: found through
-- this index instead of a scan of every item of the organization.
CREATE INDEX library_item_owner_idx ON library_item (org_id, owner_id, status, review_by);
