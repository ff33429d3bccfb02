/**
 * Training catalog: courses (KM tool training, content upkeep training for editors, KM methods) with
 * links to learning items and the competencies they develop, assignments with due dates, completions
 * (self-reported with evidence, or confirmed by a trainer) and rules that assign courses by role, once
 * and again every period. Other modules read it through {@link org.tacit.training.Training}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training catalog")
package org.tacit.training;
