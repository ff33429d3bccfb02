/** The command line of the Tacit jar: serve the web application, print help and version. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package org.tacit.cli;
