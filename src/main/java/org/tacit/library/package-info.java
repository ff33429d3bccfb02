/**
 * The knowledge library: spaces of guidance, templates, checklists, work samples and FAQs, with
 * immutable versions, an approval workflow and review-by dates that flag stale knowledge.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge library")
package org.tacit.library;
