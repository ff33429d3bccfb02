-- A member's manager: another member of the same organization, or none. Kept consistent by the
-- organizations module (a member's reports lose their manager when the member leaves).
ALTER TABLE organizations_membership ADD COLUMN manager_id UUID;
CREATE INDEX organizations_membership_manager_idx ON organizations_membership (org_id, manager_id);
