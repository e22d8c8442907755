// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser journey shares: the running server, one browser per class, and how people click.
 * Journeys keep their sessions in PostgreSQL as production does (the other tests use the container's,
 * see application-test.yaml), so whatever a journey puts into a session must survive serialisation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
abstract class Journey {

	static final String DEMO_PASSWORD = "Demo-Passwort-2026";

	static BrowserSupport browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = BrowserSupport.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	static Locator link(Page page, String name) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
	}

	void signIn(Page page, String email, String password) {
		page.navigate(url("/anmelden"));
		page.getByLabel("E-Mail-Adresse").fill(email);
		page.getByLabel("Passwort").fill(password);
		button(page, "Anmelden").click();
	}
}
