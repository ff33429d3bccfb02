-- Files attached to library items. The content is kept once per SHA-256 hash by the attachment storage
-- (files under the data directory by default); file_name is only shown, never used as a path.
-- media_type was detected from the content, extracted_text is what search finds (empty if none).

CREATE TABLE library_attachment (
  id             UUID NOT NULL PRIMARY KEY,
  item_id        UUID NOT NULL REFERENCES library_item (id),
  org_id         UUID NOT NULL,
  file_name      VARCHAR(255) NOT NULL,
  media_type     VARCHAR(255) NOT NULL,
  size           BIGINT NOT NULL,
  content_hash   VARCHAR(64) NOT NULL,
  extracted_text VARCHAR(1000000) NOT NULL,
  uploaded_by    UUID NOT NULL,
  uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX library_attachment_item_idx ON library_attachment (item_id, uploaded_at);
-- whether content is still referenced, before it is removed
CREATE INDEX library_attachment_hash_idx ON library_attachment (content_hash);
