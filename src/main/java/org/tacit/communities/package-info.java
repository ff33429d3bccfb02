/**
 * Communities of practice: a community launches only with a complete charter (purpose, a sponsor and a
 * leader with written responsibilities, deliverables or a capability intent), then holds its
 * discussions and Q&A, tracks its deliverables and reports its health through
 * {@link org.tacit.communities.CommunitiesOfPractice}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Communities of practice")
package org.tacit.communities;
