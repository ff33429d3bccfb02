/** The backup endpoint for site administrators, which the backup command calls while the server runs. */
package org.tacit.backup.api;
