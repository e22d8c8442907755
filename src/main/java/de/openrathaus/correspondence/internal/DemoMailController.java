// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.correspondence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Demo mode only (demo enabled and mails in the pickup folder): lists the mails the platform
 * wrote, so that a demo user can follow the confirmation link without a mail server. Any other
 * configuration answers 404. The pickup folder is shared by all municipalities; each file is named
 * by its outbox id, and only ids in the outbox of the municipality of the request's host name are
 * shown (row-level security decides), so one city's demo page never shows another city's mails.
 */
@Controller
class DemoMailController {

	private static final Pattern NAME = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
	private static final int SHOWN = 100;

	private final CorrespondenceSettings settings;
	private final JdbcClient jdbc;
	private final boolean demo;

	DemoMailController(CorrespondenceSettings settings, JdbcClient jdbc, @Value("${openrathaus.demo.enabled:false}") boolean demo) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	record MailSummary(String name, String recipient, String subject, Instant written) {
	}

	@GetMapping("/demo/mails")
	String list(Model model) throws IOException {
		Path folder = folder();
		List<MailSummary> mails = new ArrayList<>();
		// the newest mails this municipality sent; a file of another municipality is never looked at
		List<UUID> sent = jdbc.sql("select id from correspondence.outgoing_mail where status = 'SENT' order by sent_at desc limit ?")
			.param(SHOWN).query(UUID.class).list();
		for (UUID id : sent) {
			Path file = folder.resolve(id + ".eml");
			if (Files.isRegularFile(file)) {
				MimeMessage message = read(file);
				mails.add(new MailSummary(id.toString(), recipients(message), subject(message), modified(file)));
			}
		}
		model.addAttribute("mails", mails);
		model.addAttribute("folder", folder.toString());
		return "correspondence/demo-mails";
	}

	@GetMapping("/demo/mails/{name}")
	String show(@PathVariable String name, Model model) throws Exception {
		Path folder = folder();
		if (!NAME.matcher(name).matches()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Path file = folder.resolve(name + ".eml").normalize();
		if (!file.startsWith(folder) || !Files.isRegularFile(file) || !ofThisMunicipality(UUID.fromString(name))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		MimeMessage message = read(file);
		model.addAttribute("subject", subject(message));
		model.addAttribute("recipient", recipients(message));
		model.addAttribute("written", modified(file));
		model.addAttribute("lines", LinkedText.lines(String.valueOf(message.getContent())));
		return "correspondence/demo-mail";
	}

	private boolean ofThisMunicipality(UUID mail) {
		return jdbc.sql("select count(*) from correspondence.outgoing_mail where id = ?").param(mail).query(Integer.class).single() > 0;
	}

	private Path folder() {
		if (!demo || settings.mode() != CorrespondenceSettings.Mode.PICKUP) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return settings.pickupDirectory().toAbsolutePath().normalize();
	}

	private static MimeMessage read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(MailTransports.SESSION, in);
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IOException("unreadable mail " + file.getFileName(), e);
		}
	}

	private static String recipients(MimeMessage message) {
		try {
			return String.join(", ", message.getHeader("To") == null ? new String[0] : message.getHeader("To"));
		}
		catch (jakarta.mail.MessagingException e) {
			return "";
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject() == null ? "" : message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			return "";
		}
	}

	private static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException e) {
			return Instant.EPOCH;
		}
	}
}
