/**
 * The KM program a knowledge manager runs: strategy objectives, initiatives (KM projects) with owner,
 * sponsor, status, milestones, a budget by category in one currency, linked records and linked
 * measurement figures; the program view (budget against actual, initiatives at risk, figures against
 * their targets) and the staff view of a manager's team. No other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KM program")
package org.tacit.program;
