// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.demoidp.persons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The test persons of each demo identity provider and the organisation of the organisation account,
 * read once from {@code demoidp/test-persons.yaml}.
 */
public final class TestPersons {

	static final String RESOURCE = "demoidp/test-persons.yaml";

	record ProviderData(@Nullable Organisation organisation, List<TestPerson> persons) {
	}

	private final Map<String, ProviderData> data;

	private TestPersons(Map<String, ProviderData> data) {
		this.data = data;
	}

	public static TestPersons load() {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			Map<String, ProviderData> data = YAMLMapper.builder().build().readValue(in,
					new tools.jackson.core.type.TypeReference<Map<String, ProviderData>>() {
					});
			for (Provider provider : Provider.values()) {
				if (!data.containsKey(provider.path()) || data.get(provider.path()).persons().isEmpty()) {
					throw new IllegalStateException(RESOURCE + " has no test persons for " + provider.path());
				}
			}
			return new TestPersons(Map.copyOf(data));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The provider's test persons, in the order they are offered. */
	public List<TestPerson> of(Provider provider) {
		return List.copyOf(data.get(provider.path()).persons());
	}

	public Optional<TestPerson> find(Provider provider, String key) {
		return of(provider).stream().filter(person -> person.key().equals(key)).findFirst();
	}

	/** The organisation its persons act for; empty for the citizens' provider. */
	public Optional<Organisation> organisation(Provider provider) {
		return Optional.ofNullable(data.get(provider.path()).organisation());
	}
}
