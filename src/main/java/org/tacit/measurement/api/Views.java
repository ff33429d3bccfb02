package org.tacit.measurement.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tacit.measurement.internal.Figure;
import org.tacit.measurement.internal.FigureService;
import org.tacit.measurement.internal.Story;
import org.tacit.measurement.internal.StoryService;
import org.tacit.measurement.internal.Target;
import org.tacit.organizations.PersonId;
import org.tacit.search.KnowledgeSearch;

/** What the measurement API answers. */
final class Views {

	private Views() {
	}

	record TargetView(String direction, double value, Instant setAt) {

		static TargetView of(Target target) {
			return target == null ? null : new TargetView(target.direction().name(), target.value(), target.setAt());
		}
	}

	/**
	 * @param path the page of the records behind the figure
	 */
	record FigureView(String name, String source, String unit, boolean periodic, Double value, Double previous,
			TargetView target, String status, Double shortfall, String trend, String path) {

		static FigureView of(Figure f, String slug) {
			return new FigureView(f.metric().key(), f.metric().source().name(), f.metric().unit().name(), f.metric().periodic(),
					f.value(), f.previous(), TargetView.of(f.target()), f.status().name(), f.shortfall(), f.trend().name(),
					"/o/" + slug + "/" + f.metric().path());
		}
	}

	record Money(BigDecimal amount, String currency) {

		static Money of(Story.Money money) {
			return money == null ? null : new Money(money.amount(), money.currency());
		}
	}

	record TotalsView(LocalDate from, LocalDate to, long stories, long confirmed, BigDecimal hoursSaved,
			List<Money> costsAvoided, long withHours, long withCosts, long withEffects, long innovations,
			Map<Story.InnovationKind, Long> innovationsByKind) {

		static TotalsView of(StoryService.Totals t) {
			return new TotalsView(t.period().from(), t.period().to(), t.stories(), t.confirmed(), t.hoursSaved(),
					t.costsAvoided().stream().map(Money::of).toList(), t.withHours(), t.withCosts(), t.withEffects(),
					t.innovations(), t.innovationsByKind());
		}
	}

	record MetricsView(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
			List<FigureView> figures, KnowledgeSearch.GapFigures knowledgeGaps, TotalsView value) {

		static MetricsView of(FigureService.Report r, String slug) {
			return new MetricsView(r.period().from(), r.period().to(), r.previous().from(), r.previous().to(),
					r.figures().stream().map(f -> FigureView.of(f, slug)).toList(), r.gaps(), TotalsView.of(r.value()));
		}
	}

	record MetricView(LocalDate from, LocalDate to, FigureView figure, String by, List<FigureService.Part> parts) {
	}

	record Person(java.util.UUID id, String name) {

		static Person of(PersonId id, Map<PersonId, String> names) {
			return id == null ? null : new Person(id.value(), names.get(id));
		}
	}

	record LinkView(String type, String id, String title, String path, boolean visible) {
	}

	record StoryView(java.util.UUID id, String title, String story, LocalDate occurredOn, BigDecimal hoursSaved,
			Money costAvoided, String effect, boolean innovation, Story.InnovationKind innovationKind,
			String innovationNote, List<LinkView> links, Person reportedBy, Instant reportedAt, Person confirmedBy,
			Instant confirmedAt) {

		static StoryView of(Story s, Map<PersonId, String> names) {
			return new StoryView(s.id(), s.title(), s.story(), s.occurredOn(), s.hoursSaved(), Money.of(s.costAvoided()),
					s.effect(), s.innovation(), s.innovationKind(), s.innovationNote(),
					s.links().stream().map(l -> new LinkView(l.type(), l.id(), l.visible() ? l.title() : null,
							l.visible() ? l.path() : null, l.visible())).toList(),
					Person.of(s.reportedBy(), names), s.reportedAt(), Person.of(s.confirmedBy(), names), s.confirmedAt());
		}
	}

	record CreditView(String type, String id, String title, String path, boolean visible, long stories,
			BigDecimal hoursSaved, List<Money> costsAvoided) {

		static CreditView of(StoryService.Credit c) {
			return new CreditView(c.type(), c.id(), c.visible() ? c.title() : null, c.visible() ? c.path() : null,
					c.visible(), c.stories(), c.hoursSaved(), c.costsAvoided().stream().map(Money::of).toList());
		}
	}

	record ValueView(TotalsView totals, org.tacit.shared.Page<CreditView> knowledge) {
	}
}
