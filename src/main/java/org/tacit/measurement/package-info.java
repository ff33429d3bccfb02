/**
 * KM measurement: figures computed from every module's real activity (through their facades), a value
 * register of success stories crediting the knowledge they used, targets per figure, and the KM
 * activities that fall short of their target. Only the KM program reads it (through {@link org.tacit.measurement.KmFigures}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Measurement")
package org.tacit.measurement;
