/**
 * Lessons learned before, during and after activities: reviews with guided questions, lessons that go
 * from captured to validated, actioned, embedded in the knowledge they changed and closed, and the
 * actions that get them there. Other modules use {@link org.tacit.lessons.LessonsLearned} and its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lessons learned")
package org.tacit.lessons;
