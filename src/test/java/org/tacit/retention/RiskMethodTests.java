package org.tacit.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tacit.retention.internal.RiskMethod;
import org.tacit.retention.internal.RiskService;
import org.tacit.retention.internal.Topic;
import org.tacit.shared.ProblemException;

/** The scoring rules of the method, without a database: attrition from the date, bands, position risk, topics. */
class RiskMethodTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void attritionRiskFollowsTheDefaultBandsOfTimeToDeparture() {
		RiskMethod method = RiskMethod.DEFAULTS;

		assertThat(method.attrition(TODAY.plusMonths(6), TODAY)).isEqualTo(5);
		assertThat(method.attrition(TODAY.plusMonths(12), TODAY)).isEqualTo(5);
		assertThat(method.attrition(TODAY.plusMonths(12).plusDays(1), TODAY)).isEqualTo(4);
		assertThat(method.attrition(TODAY.plusMonths(24), TODAY)).isEqualTo(4);
		assertThat(method.attrition(TODAY.plusMonths(30), TODAY)).isEqualTo(3);
		assertThat(method.attrition(TODAY.plusMonths(48), TODAY)).isEqualTo(2);
		assertThat(method.attrition(TODAY.plusMonths(61), TODAY)).isEqualTo(1);
		// a date that has passed is the highest risk: the knowledge is leaving now
		assertThat(method.attrition(TODAY.minusDays(3), TODAY)).isEqualTo(5);
	}

	@Test
	void theSameDepartureRisesAsTimePasses() {
		LocalDate departure = TODAY.plusMonths(13);

		assertThat(RiskMethod.DEFAULTS.attrition(departure, TODAY)).isEqualTo(4);
		assertThat(RiskMethod.DEFAULTS.attrition(departure, TODAY.plusMonths(2))).isEqualTo(5);
	}

	@Test
	void totalsFallIntoBands() {
		RiskMethod method = RiskMethod.DEFAULTS;

		assertThat(method.band(25)).isEqualTo(RiskBand.HIGH);
		assertThat(method.band(15)).isEqualTo(RiskBand.HIGH);
		assertThat(method.band(14)).isEqualTo(RiskBand.MEDIUM);
		assertThat(method.band(8)).isEqualTo(RiskBand.MEDIUM);
		assertThat(method.band(7)).isEqualTo(RiskBand.LOW);
		assertThat(method.bands()[4][2]).isEqualTo(RiskBand.HIGH);
		assertThat(method.bands()[0][0]).isEqualTo(RiskBand.LOW);
	}

	@Test
	void anOrganizationsOwnBandsAreChecked() {
		RiskMethod stricter = new RiskMethod(6, 12, 24, 36, 12, 6).checked();

		assertThat(stricter.attrition(TODAY.plusMonths(9), TODAY)).isEqualTo(4);
		assertThat(stricter.band(12)).isEqualTo(RiskBand.HIGH);
		assertThatThrownBy(() -> new RiskMethod(12, 12, 36, 60, 15, 8).checked())
			.isInstanceOfSatisfying(ProblemException.class,
					e -> assertThat(e.fields().get(0).field()).isEqualTo("attrition4Months"));
		assertThatThrownBy(() -> new RiskMethod(12, 24, 36, 60, 15, 15).checked())
			.isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("mediumFrom"));
		assertThatThrownBy(() -> new RiskMethod(0, 24, 36, 60, 15, 8).checked()).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> new RiskMethod(12, 24, 36, 60, 26, 8).checked()).isInstanceOf(ProblemException.class);
	}

	@Test
	void thePositionRiskTheAspectsSuggestIsTheirRoundedMean() {
		assertThat(RiskService.suggestedPositionRisk(5, 5, 5)).isEqualTo(5);
		assertThat(RiskService.suggestedPositionRisk(5, 4, 3)).isEqualTo(4);
		assertThat(RiskService.suggestedPositionRisk(2, 2, 3)).isEqualTo(2);
		assertThat(RiskService.suggestedPositionRisk(1, 2, 2)).isEqualTo(2);
	}

	@Test
	void aTopicBecomesTagsThatMatchFullyOrByAWord() {
		Topic topic = Topic.of("topic", "Turbine Overhaul");

		assertThat(topic.whole()).isEqualTo("turbine-overhaul");
		assertThatThrownBy(() -> Topic.of("topic", " ?! ")).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> Topic.of("topic", "x".repeat(101))).isInstanceOf(ProblemException.class);
		assertThatThrownBy(() -> Topic.of("topic", null)).isInstanceOf(ProblemException.class);
	}
}
