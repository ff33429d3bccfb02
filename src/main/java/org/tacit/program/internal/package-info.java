/** The KM program's services: objectives, initiatives, budgets, risks, the program and staff views. */
package org.tacit.program.internal;
