/**
 * Knowledge retention and expertise location: expertise profiles (declared and derived from what people
 * contribute), "who knows about X", the knowledge-loss risk register (attrition risk × position risk,
 * after the method of the Tennessee Valley Authority described by the IAEA), knowledge transfer plans
 * and the handover of what a leaver holds. Other modules read its figures through
 * {@link org.tacit.retention.KnowledgeRetention}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge retention and expertise")
package org.tacit.retention;
