/** The KM program's REST API. */
package org.tacit.program.api;
