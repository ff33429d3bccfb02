/** The distribution REST API: personal follows, notifications and settings; an organization's announcements, webhooks and mail. */
package org.tacit.distribution.api;
