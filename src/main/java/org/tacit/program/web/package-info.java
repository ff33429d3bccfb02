/** The KM program's pages. */
package org.tacit.program.web;
