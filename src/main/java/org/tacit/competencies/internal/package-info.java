/** Frameworks, cycles, assessments, evidence suggestions and training needs, with their tables. */
package org.tacit.competencies.internal;
