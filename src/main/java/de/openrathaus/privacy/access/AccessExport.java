// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.access;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.openrathaus.files.PdfRenderer;
import de.openrathaus.personaldata.PersonalData;
import de.openrathaus.personaldata.PersonalDataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer to an access request: a ZIP holding {@code auskunft.pdf} (what is kept, readable),
 * {@code daten.json} (the same, machine-readable) and {@code dateien/…} (the documents kept about the
 * person). Each module's part comes from its {@link PersonalDataSource}; nothing here reads a module's
 * tables. Called outside any transaction: each part reads in its own.
 */
@Service
public class AccessExport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

	private final List<PersonalDataSource> sources;
	private final PdfRenderer renderer;
	private final MessageSource messages;
	private final Clock clock;

	AccessExport(List<PersonalDataSource> sources, PdfRenderer renderer, MessageSource messages, Clock clock) {
		this.sources = sources;
		this.renderer = renderer;
		this.messages = messages;
		this.clock = clock;
	}

	/** A readable section of the summary. */
	public record Section(String title, List<Row> rows, int files) {
	}

	/** One record of a section, its fields labelled. */
	public record Row(String kind, List<Map.Entry<String, String>> fields) {
	}

	/** The answer for the account in the current municipality. */
	public byte[] zip(UUID account, String name, String municipality) {
		Instant now = clock.instant();
		List<PersonalData> parts = sources.stream().map(source -> source.about(account))
			.sorted(Comparator.comparing(PersonalData::category)).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("created", now.toString());
		data.put("municipality", municipality);
		data.put("account", account.toString());
		Map<String, Object> categories = new LinkedHashMap<>();
		for (PersonalData part : parts) {
			Map<String, Object> category = new LinkedHashMap<>();
			category.put("entries", part.entries().stream().map(e -> Map.of("kind", e.kind(), "fields", e.fields())).toList());
			category.put("files", part.files().stream().map(f -> "dateien/" + part.category() + "/" + f.path()).toList());
			categories.put(part.category(), category);
		}
		data.put("categories", categories);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("municipality", municipality);
		model.put("name", name);
		model.put("created", SHOWN.withZone(clock.getZone()).format(now));
		model.put("sections", parts.stream().map(this::section).toList());
		byte[] summary = renderer.render("privacy/pdf/access", model, Locale.GERMAN);
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			Set<String> written = new HashSet<>();
			put(zip, written, "auskunft.pdf", summary);
			put(zip, written, "daten.json", JSON.writeValueAsBytes(data));
			for (PersonalData part : parts) {
				for (PersonalData.File file : part.files()) {
					put(zip, written, "dateien/" + part.category() + "/" + file.path(), file.content());
				}
			}
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void put(ZipOutputStream zip, Set<String> written, String path, byte[] content) throws IOException {
		// a path is written once; a second file of the same name (which the parts avoid) is numbered
		String name = path;
		for (int i = 2; !written.add(name); i++) {
			name = path + "." + i;
		}
		ZipEntry entry = new ZipEntry(name);
		zip.putNextEntry(entry);
		zip.write(content);
		zip.closeEntry();
	}

	private Section section(PersonalData part) {
		List<Row> rows = new ArrayList<>();
		for (PersonalData.Entry entry : part.entries()) {
			List<Map.Entry<String, String>> fields = new ArrayList<>();
			entry.fields().forEach((field, value) -> {
				if (value != null) {
					fields.add(Map.entry(label("privacy.access.field." + field, field), worded(field, shown(value))));
				}
			});
			rows.add(new Row(label("privacy.access.kind." + entry.kind(), entry.kind()), fields));
		}
		return new Section(label("privacy.access.category." + part.category(), part.category()), rows, part.files().size());
	}

	private static String shown(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			StringBuilder text = new StringBuilder();
			map.forEach((k, v) -> text.append(text.isEmpty() ? "" : "; ").append(k).append(": ").append(v));
			return text.toString();
		}
		return String.valueOf(value);
	}

	/**
	 * A coded value (a status, a kind, a channel: upper-case letters and underscores) in words where the
	 * message bundle has them ({@code privacy.access.value.<field>.<VALUE>}); any other value as it is.
	 * The JSON keeps the codes, for machines.
	 */
	private String worded(String field, String value) {
		return value.matches("[A-Z][A-Z_]*") ? label("privacy.access.value." + field + "." + value, value) : value;
	}

	private String label(String code, String fallback) {
		return messages.getMessage(code, null, fallback, Locale.GERMAN);
	}
}
