/** The REST API of the training catalog: courses, assignments, completions, confirmations, rules. */
package org.tacit.training.api;
