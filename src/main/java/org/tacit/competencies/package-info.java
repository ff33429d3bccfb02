/**
 * KM competencies: competency frameworks (a proficiency scale, job profiles, competencies with the level
 * each profile needs; a built-in leadership KM framework in every organization), assessment cycles in
 * which a person self-assesses and their manager assesses each competency with evidence the platform
 * suggests ({@link org.tacit.competencies.EvidenceSource}), sign-off, and the training needs that the gaps
 * between required and assessed levels make. Other modules read it through
 * {@link org.tacit.competencies.Competencies}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "KM competencies")
package org.tacit.competencies;
