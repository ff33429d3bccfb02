/**
 * Backup and restore: a consistent, portable snapshot of the database (every table, as JSON lines) and
 * of the attached files, taken while Tacit runs, and its restore into an empty installation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup and restore")
package org.tacit.backup;
