/** Storage and rules of organizations, people, membership, tokens and the audit log. */
package org.tacit.organizations.internal;
