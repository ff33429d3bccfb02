package org.tacit.competencies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tacit.support.TacitTest;
import org.tacit.support.TestData;

/** Measurement reports the competency gaps of the latest assessments, as of now. */
@TacitTest
class CompetencyFiguresTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aGapInAnAssessmentShowsInTheMeasurementFigures() {
		CompetenciesFixture f = new CompetenciesFixture(port, new TestData(context, port));
		assertThat(f.as(f.km).get(f.base + "/metrics/competency-gaps").json().get("figure").get("value").asDouble())
			.isZero();

		var rated = f.rate(f.frontLine, f.assessment,
				CompetenciesFixture.frontLineRatings(CompetenciesFixture.MEASUREMENTS, 1));
		assertThat(rated.status()).as(rated.toString()).isEqualTo(200);

		assertThat(f.as(f.km).get(f.base + "/metrics/competency-gaps").json().get("figure").get("value").asDouble())
			.isEqualTo(1);
		assertThat(f.as(f.km).get(f.base + "/metrics/people-with-training-needs").json().get("figure").get("value")
			.asDouble()).isEqualTo(1);
	}
}
