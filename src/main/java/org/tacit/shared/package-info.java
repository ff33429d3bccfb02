/** What every module uses: problem errors, paging, request limits and the web conventions. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tacit.shared;
