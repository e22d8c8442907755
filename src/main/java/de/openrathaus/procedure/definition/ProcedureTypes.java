// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.openrathaus.files.Sha256;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The registry of procedure type versions. At start-up every {@code classpath*:procedures/*.yaml}
 * is stored in the database unless that version is there already; a shipped version whose content
 * changed is refused (publish a new version instead). All stored versions stay available, so an
 * application started with an old version is still checked against it.
 */
@Component
public class ProcedureTypes implements SmartInitializingSingleton, de.openrathaus.procedure.OnlineServices {

	private static final Logger log = LoggerFactory.getLogger(ProcedureTypes.class);

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final ObjectMapper CANONICAL = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Map<String, ProcedureDefinition> versions = new ConcurrentHashMap<>();

	ProcedureTypes(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("lock table procedure.procedure_type_version in share row exclusive mode").update();
			for (Resource resource : shippedDefinitions()) {
				store(read(resource), canonical(resource), resource.getFilename());
			}
		});
		reload();
	}

	/** Parses a definition file; a broken one stops the start with the file's name in the message. */
	public static ProcedureDefinition read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return YAML.readValue(in, ProcedureDefinition.class);
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("Procedure definition " + resource.getFilename() + " is invalid: " + e.getMessage(), e);
		}
	}

	private static Resource[] shippedDefinitions() {
		try {
			return new PathMatchingResourcePatternResolver().getResources("classpath*:procedures/*.yaml");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The file's content as JSON with sorted keys: comments and layout do not count as a change. */
	private static String canonical(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return CANONICAL.writeValueAsString(YAML.readValue(in, Map.class));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void store(ProcedureDefinition definition, String json, String source) {
		String checksum = Sha256.hex(json);
		Optional<String> stored = jdbc.sql("select checksum from procedure.procedure_type_version where type_key = ? and version = ?")
			.params(definition.key(), definition.version()).query(String.class).optional();
		if (stored.isEmpty()) {
			jdbc.sql("insert into procedure.procedure_type_version(type_key, version, definition, checksum) values (?, ?, ?::jsonb, ?)")
				.params(definition.key(), definition.version(), json, checksum).update();
			log.info("Stored procedure type {} version {} from {}", definition.key(), definition.version(), source);
		}
		else if (!stored.get().equals(checksum)) {
			throw new IllegalStateException("Procedure type " + definition.key() + " version " + definition.version()
					+ " in " + source + " differs from the stored version. Published versions are immutable: add version "
					+ (definition.version() + 1) + " instead.");
		}
	}

	private void reload() {
		jdbc.sql("select definition from procedure.procedure_type_version").query(String.class).list().forEach(json -> {
			ProcedureDefinition definition = JSON.readValue(json, ProcedureDefinition.class);
			versions.put(id(definition.key(), definition.version()), definition);
		});
	}

	private static String id(String key, int version) {
		return key + "@" + version;
	}

	public Optional<ProcedureDefinition> version(String key, int version) {
		return Optional.ofNullable(versions.get(id(key, version)));
	}

	@Override
	public List<OnlineService> currentServices() {
		return current().stream().map(d -> new OnlineService(d.key(), d.title().de(), d.fee() == null ? 0 : d.fee().amountCents(),
				d.trustLevel().name())).toList();
	}

	/** The newest version of each procedure type, by title. */
	public List<ProcedureDefinition> current() {
		return versions.values().stream()
			.collect(Collectors.toMap(ProcedureDefinition::key, d -> d, (a, b) -> a.version() >= b.version() ? a : b))
			.values().stream().sorted(Comparator.comparing(d -> d.title().de())).toList();
	}

	public Optional<ProcedureDefinition> current(String key) {
		return current().stream().filter(d -> d.key().equals(key)).findFirst();
	}

	/** Current procedure types whose title, summary or keywords contain every word of the query. */
	public List<ProcedureDefinition> search(String query, Locale locale) {
		List<String> words = List.of(query.toLowerCase(Locale.GERMAN).split("[^\\p{L}\\p{N}]+")).stream()
			.filter(w -> !w.isBlank()).toList();
		return current().stream().filter(d -> {
			String haystack = (d.title().in(locale) + " " + d.title().de() + " " + d.summary().in(locale) + " "
					+ String.join(" ", d.keywords())).toLowerCase(Locale.GERMAN);
			return words.stream().allMatch(haystack::contains);
		}).toList();
	}
}
