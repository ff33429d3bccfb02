/** The distribution pages: the feed, follows, notification settings, announcements, webhooks and mail settings. */
package org.tacit.distribution.web;
