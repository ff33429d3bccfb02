CREATE INDEX library_version_created_idx ON library_version (created_at, item_id, author_id);
CREATE INDEX library_item_org_kind_idx ON library_item (org_id, id, space_id, kind);
CREATE INDEX library_use_org_used_idx ON library_use (org_id, used_at, item_id);
