/** Follows, notifications, preferences, announcements, webhooks and the mail queue. */
package org.tacit.distribution.internal;
