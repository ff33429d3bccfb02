/** Competencies pages: frameworks, cycles, the assessment form, training needs and the heat map; navigation and My work. */
package org.tacit.competencies.web;
