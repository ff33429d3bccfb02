/** How snapshots are written and read back. */
package org.tacit.backup.internal;
