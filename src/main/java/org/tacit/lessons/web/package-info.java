/** The pages of lessons learned: activities, review forms, the lesson page, the register and the follow-up lists. */
package org.tacit.lessons.web;
