/** How lessons learned work: activities, reviews, lessons, actions and links, their storage, search and rules. */
package org.tacit.lessons.internal;
