package org.tacit.security;

/**
 * The endpoint declarations of the modules that keep them in a file of their own: one line per module
 * here, and in that module's file ({@code <Module>Endpoints}) its {@link Endpoints#declare} lines, its
 * unpaged lists ({@link Endpoints#UNPAGED}) and the fillers of its path variables
 * ({@link MatrixFixture#filler}, with records made once through {@link MatrixFixture#once}).
 */
final class ModuleEndpoints {

	private ModuleEndpoints() {
	}

	static void declareAll() {
		LessonsEndpoints.declare();
		ProcessesEndpoints.declare();
		RetentionEndpoints.declare();
		CommunitiesEndpoints.declare();
		RecognitionEndpoints.declare();
		MeasurementEndpoints.declare();
		DistributionEndpoints.declare();
		CompetenciesEndpoints.declare();
		TrainingEndpoints.declare();
		ProgramEndpoints.declare();
	}
}
