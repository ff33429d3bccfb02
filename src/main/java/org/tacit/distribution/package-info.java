/**
 * Distribution: carries knowledge to people instead of waiting for them to search. Members follow spaces,
 * tags, communities, processes, people and items; other modules' events become notifications for the
 * followers who may see the record (in the feed, by email at once or in a digest); leaders publish
 * announcements that may have to be acknowledged; administrators register signed webhooks. Other modules
 * use {@link org.tacit.distribution.Distribution} and {@link org.tacit.distribution.AnnouncementPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Distribution")
package org.tacit.distribution;
