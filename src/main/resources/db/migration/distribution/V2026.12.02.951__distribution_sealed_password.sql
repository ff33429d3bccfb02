-- The SMTP password sealed with the installation's key (AES-GCM, org.tacit.shared.Secrets). The old
-- column keeps a password saved before this version until it is first read, when it is sealed into
-- the new column and cleared.
ALTER TABLE distribution_mail_settings ADD COLUMN password_sealed VARCHAR(2000);
