// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.privacy.register;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import de.openrathaus.catalogue.PersonalDataProcess;
import de.openrathaus.catalogue.PersonalDataProcesses;
import de.openrathaus.privacy.register.RegisterStore.Completion;
import de.openrathaus.web.Refusal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The register of processing activities: every catalogue process marked "personal data" is an activity (none can be
 * left out, since the list comes from the catalogue), completed by the data protection officer. Until the officer
 * writes a purpose or data subjects, the catalogue's description and target groups stand in for them.
 */
@Service
public class ProcessingRegister {

	static final int TEXT_MAX = 2000;
	static final int MEASURES_MAX = 4000;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PersonalDataProcesses catalogue;
	private final RegisterStore store;
	private final MessageSource messages;
	private final Clock clock;

	ProcessingRegister(PersonalDataProcesses catalogue, RegisterStore store, MessageSource messages, Clock clock) {
		this.catalogue = catalogue;
		this.store = store;
		this.messages = messages;
		this.clock = clock;
	}

	/** The activities as the privacy notice names them: for anyone. */
	@Transactional(readOnly = true)
	public List<RegisterEntry> activities() {
		Map<String, Completion> completions = store.completions();
		return catalogue.all().stream().map(process -> entry(process, completions.get(process.key()))).toList();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAuthority('privacy:register')")
	public List<RegisterEntry> entries() {
		return activities();
	}

	@Transactional
	@PreAuthorize("hasAuthority('privacy:register')")
	public void complete(String processKey, @Nullable String purpose, @Nullable String dataSubjects, @Nullable String recipients,
			@Nullable String retention, @Nullable String measures, String officer) {
		if (catalogue.all().stream().noneMatch(process -> process.key().equals(processKey))) {
			throw Refusal.of("privacy.register.unknownProcess", processKey).withStatus(org.springframework.http.HttpStatus.NOT_FOUND);
		}
		store.save(new Completion(processKey, text(purpose, TEXT_MAX), text(dataSubjects, TEXT_MAX), text(recipients, TEXT_MAX),
				text(retention, TEXT_MAX), text(measures, MEASURES_MAX), clock.instant(), officer));
	}

	/** Freezes the register as it is now as the next version; returns its number. */
	@Transactional
	@PreAuthorize("hasAuthority('privacy:register')")
	public int publish(String officer) {
		List<RegisterEntry> entries = activities();
		return store.publish(clock.instant(), officer, entries.size(), JSON.writeValueAsString(entries.stream().map(ProcessingRegister::frozen).toList()));
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAuthority('privacy:register')")
	public List<RegisterStore.Version> versions() {
		return store.versions();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAuthority('privacy:register')")
	public java.util.Optional<String> version(int number) {
		return store.content(number);
	}

	private static Map<String, Object> frozen(RegisterEntry entry) {
		Map<String, Object> frozen = new LinkedHashMap<>();
		PersonalDataProcess process = entry.process();
		frozen.put("process", process.key());
		frozen.put("department", process.department());
		frozen.put("name", process.name());
		frozen.put("purpose", entry.purpose());
		frozen.put("categories", process.categories());
		frozen.put("specialCategories", process.specialCategories());
		frozen.put("dataSubjects", entry.dataSubjects());
		frozen.put("legalBases", process.legalBases());
		frozen.put("recipients", entry.recipients());
		frozen.put("retention", entry.retention());
		frozen.put("measures", entry.measures());
		frozen.put("itSystem", process.itSystem());
		frozen.put("onlineProcedure", process.procedureTypeKey());
		return frozen;
	}

	private RegisterEntry entry(PersonalDataProcess process, @Nullable Completion completion) {
		String purpose = completion == null || completion.purpose().isBlank() ? process.description() : completion.purpose();
		String subjects = completion == null || completion.dataSubjects().isBlank()
				? process.targetGroups().stream().map(group -> messages.getMessage("privacy.register.group." + group, null, group, Locale.GERMAN))
					.collect(Collectors.joining(", "))
				: completion.dataSubjects();
		return completion == null ? new RegisterEntry(process, purpose, subjects, "", "", "", null, null)
				: new RegisterEntry(process, purpose, subjects, completion.recipients(), completion.retention(), completion.measures(),
						completion.updatedAt(), completion.updatedBy());
	}

	private static String text(@Nullable String raw, int max) {
		String text = raw == null ? "" : raw.strip();
		if (text.length() > max) {
			throw Refusal.of("privacy.register.tooLong", max);
		}
		return text;
	}
}
