// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, without Playwright's own browser download. Where no
 * Chromium is installed, browser tests are skipped with a message, except under CI (CI=true),
 * where a missing browser fails the run.
 */
final class BrowserSupport implements AutoCloseable {

	private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

	private final Playwright playwright;
	final Browser browser;

	private BrowserSupport(Path executable) {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
				.setHeadless(true).setArgs(FLAGS));
	}

	static BrowserSupport start() {
		Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
		if (!Files.isExecutable(executable)) {
			String message = "No Chromium at " + executable + " (install Debian's chromium or set CHROMIUM_PATH)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message + ": browser tests must run under CI");
			}
			System.err.println("SKIPPING browser tests: " + message);
			Assumptions.abort("SKIPPED browser test: " + message);
		}
		return new BrowserSupport(executable);
	}

	/** Fails when axe-core finds any WCAG 2.1 A/AA violation on the page as it is now, or an id is used twice. */
	static void assertAccessible(Page page) {
		assertThat(page.content()).as("untranslated message keys on " + page.url()).doesNotContainPattern("\\?\\?[\\w.]+_\\w+\\?\\?");
		// WCAG 2.1 success criterion 4.1.1 (parsing), which axe-core no longer checks since WCAG 2.2 made it obsolete: an id
		// used twice sends a label or a description to the wrong element
		@SuppressWarnings("unchecked")
		List<String> duplicateIds = (List<String>) page.evaluate("""
				() => { const seen = new Set(), twice = new Set();
				        document.querySelectorAll('[id]').forEach(e => seen.has(e.id) ? twice.add(e.id) : seen.add(e.id));
				        return [...twice]; }""");
		assertThat(duplicateIds).as("ids used more than once on " + page.url()).isEmpty();
		AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
		List<Rule> violations = results.getViolations();
		assertThat(violations).as(() -> "WCAG 2.1 AA violations on " + page.url() + ":\n" + violations.stream()
				.map(v -> "- " + v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream()
						.map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
				.collect(Collectors.joining("\n"))).isEmpty();
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}
}
