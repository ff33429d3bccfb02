package org.tacit.measurement.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.tacit.measurement.internal.Figure;
import org.tacit.measurement.internal.Metric;
import org.tacit.measurement.internal.Story;
import org.tacit.shared.Texts;

/** How the pages write figures: shares as percentages, days and hours with one decimal, money by currency. */
@org.springframework.stereotype.Component
public final class Shown {

	private final Texts texts;

	Shown(Texts texts) {
		this.texts = texts;
	}

	public String value(Metric metric, Double value) {
		if (value == null) {
			return "—";
		}
		return switch (metric.unit()) {
			case SHARE -> percent(value);
			case DAYS -> texts.get("measurement.unit.days", decimal(value));
			case HOURS -> texts.get("measurement.unit.hours", decimal(value));
			case COUNT -> NumberFormat.getIntegerInstance(Locale.ENGLISH).format(Math.round(value));
		};
	}

	public String target(Figure figure) {
		return targetOf(figure.target());
	}

	public String targetOf(org.tacit.measurement.internal.Target target) {
		if (target == null) {
			return "—";
		}
		return texts.get("measurement.target." + target.direction(), value(target.metric(), target.value()));
	}

	/** A target's value as the form shows it: percentages for shares. */
	public String input(Metric metric, Double value) {
		if (value == null) {
			return "";
		}
		double shown = metric.unit() == Metric.Unit.SHARE ? value * 100 : value;
		return BigDecimal.valueOf(shown).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static String percent(double share) {
		double pct = share * 100;
		return (Math.abs(pct - Math.round(pct)) < 0.05 ? Long.toString(Math.round(pct)) : decimal(pct)) + " %";
	}

	private static String decimal(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	public String hours(BigDecimal hours) {
		return hours == null ? "—" : texts.get("measurement.unit.hours", hours.stripTrailingZeros().toPlainString());
	}

	public String money(Story.Money money) {
		if (money == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(Locale.ENGLISH);
		format.setMaximumFractionDigits(2);
		format.setMinimumFractionDigits(money.amount().scale() > 0 && money.amount().stripTrailingZeros().scale() > 0 ? 2 : 0);
		return format.format(money.amount()) + " " + money.currency();
	}

	public String moneys(List<Story.Money> moneys) {
		return moneys == null || moneys.isEmpty() ? "—"
				: String.join(", ", moneys.stream().map(this::money).toList());
	}

	/** Where a bar ends, in percent of the chart: the largest of the figure, the previous one and the target fills it. */
	public double bar(Figure figure, Double value) {
		if (value == null) {
			return 0;
		}
		double max = figure.metric().unit() == Metric.Unit.SHARE ? 1 : 0;
		for (Double v : new Double[] { figure.value(), figure.previous(),
				figure.target() == null ? null : figure.target().value() }) {
			if (v != null) {
				max = Math.max(max, v);
			}
		}
		return max <= 0 ? 0 : Math.max(0, Math.min(100, value / max * 100));
	}

	/** A part's bar, relative to the largest part. */
	public double part(Double value, double max) {
		return value == null || max <= 0 ? 0 : Math.max(0, Math.min(100, value / max * 100));
	}
}
