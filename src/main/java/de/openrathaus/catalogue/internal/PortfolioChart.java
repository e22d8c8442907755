// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.catalogue.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * The portfolio chart as SVG, drawn on the server: effort to the right, benefit upwards, bubble
 * area by cases per year; the ten best ranked are numbered. Readable without JavaScript; the page
 * shows the same data as a table for screen readers.
 */
final class PortfolioChart {

	static final int WIDTH = 760;
	static final int HEIGHT = 500;
	private static final int LEFT = 70;
	private static final int RIGHT = 20;
	private static final int TOP = 20;
	private static final int BOTTOM = 60;

	private PortfolioChart() {
	}

	/** The chart with its texts from the catalogue bundle in the reader's language. */
	static String svg(List<Scoring.Ranked> ranked, MessageSource messages, Locale locale) {
		Function<String, String> text = key -> messages.getMessage(key, null, locale);
		int plotW = WIDTH - LEFT - RIGHT;
		int plotH = HEIGHT - TOP - BOTTOM;
		double maxCases = ranked.stream().mapToDouble(r -> r.process().casesPerYear()).max().orElse(1);
		StringBuilder svg = new StringBuilder(64 * ranked.size() + 2000);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" class=\"portfolio\">")
			.append("<title id=\"chart-title\">").append(HtmlUtils.htmlEscape(text.apply("ranking.chart"), "UTF-8")).append("</title>")
			.append("<desc id=\"chart-desc\">").append(HtmlUtils.htmlEscape(text.apply("ranking.chart.desc"), "UTF-8"))
			.append("</desc>");
		svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW).append("\" height=\"")
			.append(plotH).append("\" fill=\"#ffffff\" stroke=\"#1b1b1b\"/>");
		// quadrant lines and labels
		svg.append(line(LEFT + plotW / 2, TOP, LEFT + plotW / 2, TOP + plotH)).append(line(LEFT, TOP + plotH / 2, LEFT + plotW, TOP + plotH / 2));
		svg.append(text(LEFT + 8, TOP + 18, text.apply("ranking.chart.quickWins"), "start"));
		svg.append(text(LEFT + plotW - 8, TOP + 18, text.apply("ranking.chart.majorProjects"), "end"));
		svg.append(text(LEFT + plotW / 2, HEIGHT - 15, text.apply("ranking.chart.effortAxis"), "middle"));
		svg.append("<text x=\"18\" y=\"").append(TOP + plotH / 2).append("\" transform=\"rotate(-90 18 ").append(TOP + plotH / 2)
			.append(")\" text-anchor=\"middle\" font-size=\"14\" fill=\"#1b1b1b\">").append(HtmlUtils.htmlEscape(text.apply("ranking.chart.benefitAxis"), "UTF-8")).append("</text>");
		for (int tick = 0; tick <= 4; tick++) {
			double v = tick / 4.0;
			svg.append(text(LEFT + (int) (v * plotW), TOP + plotH + 18, String.format(Locale.ROOT, "%.2f", v), "middle"));
			svg.append(text(LEFT - 6, TOP + plotH - (int) (v * plotH) + 4, String.format(Locale.ROOT, "%.2f", v), "end"));
		}
		for (int i = ranked.size() - 1; i >= 0; i--) {
			Scoring.Ranked r = ranked.get(i);
			double x = LEFT + r.effort() * plotW;
			double y = TOP + plotH - r.benefit() * plotH;
			double radius = 3 + 15 * Math.sqrt(r.process().casesPerYear() / Math.max(1, maxCases));
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.55\" stroke=\"#07365f\">",
					x, y, radius, r.rank() <= 10 ? "#0b4f8a" : "#6f8fae"))
				.append("<title>").append(HtmlUtils.htmlEscape(r.rank() + ". " + r.process().name() + " (" + r.process().key() + ")"))
				.append("</title></circle>");
			if (r.rank() <= 10) {
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1b1b1b\">%d</text>",
						x, y - radius - 3, r.rank()));
			}
		}
		return svg.append("</svg>").toString();
	}

	private static String line(int x1, int y1, int x2, int y2) {
		return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#6f6f6f\" stroke-dasharray=\"4 4\"/>";
	}

	private static String text(int x, int y, String text, String anchor) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-size=\"13\" fill=\"#1b1b1b\">"
				+ HtmlUtils.htmlEscape(text) + "</text>";
	}
}
