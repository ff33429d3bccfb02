/** The training pages: the catalog, a course, my training, my team's training, the rules; navigation and My work. */
package org.tacit.training.web;
