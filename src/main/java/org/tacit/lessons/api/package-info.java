/** The REST API of lessons learned: activities, reviews, lessons, their lifecycle, actions, links and figures. */
package org.tacit.lessons.api;
