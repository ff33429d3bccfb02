/** Storage and rules of courses, assignments, completions and training rules. */
package org.tacit.training.internal;
