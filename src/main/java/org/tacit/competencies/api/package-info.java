/** The competencies REST API: frameworks, assessment cycles, assessments with their ratings, training needs. */
package org.tacit.competencies.api;
