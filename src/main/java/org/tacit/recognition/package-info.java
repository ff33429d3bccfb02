/**
 * Recognition and performance: a contribution ledger fed by every module's events (and derived again
 * from their records), kudos between members, points and badges an organization can switch off,
 * knowledge-sharing expectations per role, and a person's knowledge-sharing record for a period that
 * their manager uses in reviews. Other modules read it through {@link org.tacit.recognition.Recognition}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recognition and performance")
package org.tacit.recognition;
