/** Storage and rules of spaces, items, versions and the workflow. */
package org.tacit.library.internal;
