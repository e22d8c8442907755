// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.definition;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.TrustLevel;

import org.jspecify.annotations.Nullable;

/**
 * One version of a procedure type. Versions are immutable: a changed form is a new version, and
 * applications keep the version they were started with.
 *
 * @param department code of the department whose clerks work the cases
 * @param referencePrefix prefix of the reference numbers, e.g. {@code HUND}
 * @param workflow id of the BPMN process that runs a submitted application
 * @param decisionTemplate Thymeleaf template of the decision document
 * @param assessment rule that computes an amount on approval (e.g. {@code dog-tax}), if any
 * @param fee administrative fee, if any
 */
public record ProcedureDefinition(String key, int version, Text title, Text summary, List<String> keywords,
		String department, TrustLevel trustLevel, String referencePrefix, String workflow, String decisionTemplate,
		@Nullable String assessment, @Nullable FeeRule fee, List<StepDefinition> steps) {

	public ProcedureDefinition {
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
		steps = List.copyOf(steps);
		if (!key.matches("[a-z0-9-]{2,60}") || version < 1 || steps.isEmpty()) {
			throw new IllegalArgumentException("procedure " + key + " v" + version + ": needs a key, a version and steps");
		}
		if (!referencePrefix.matches("[A-Z]{2,8}")) {
			throw new IllegalArgumentException("procedure " + key + ": reference prefix must be 2-8 capital letters");
		}
		new DepartmentCode(department);
		checkKeys(key, steps);
		checkFee(key, fee, steps);
	}

	/** A fee may only count and reduce by fields the form asks for. */
	private static void checkFee(String key, @Nullable FeeRule fee, List<StepDefinition> steps) {
		if (fee == null) {
			return;
		}
		Set<String> fields = new HashSet<>();
		steps.forEach(s -> s.fields().forEach(f -> fields.add(f.key())));
		Stream.concat(Stream.ofNullable(fee.perUnit()), fee.reductions().stream().map(r -> r.when().field()))
			.filter(field -> !fields.contains(field))
			.forEach(field -> {
				throw new IllegalArgumentException("procedure " + key + ": fee refers to unknown field " + field);
			});
	}

	private static void checkKeys(String key, List<StepDefinition> steps) {
		Set<String> seen = new HashSet<>();
		Set<String> stepKeys = new HashSet<>();
		for (StepDefinition step : steps) {
			if (!stepKeys.add(step.key())) {
				throw new IllegalArgumentException("procedure " + key + ": step " + step.key() + " twice");
			}
			Stream.concat(step.fields().stream().map(FieldDefinition::key), step.attachments().stream().map(AttachmentDefinition::key))
				.forEach(k -> {
					if (!k.matches("[a-z0-9_]+(\\.[a-z0-9_]+)*") || !seen.add(k)) {
						throw new IllegalArgumentException("procedure " + key + ": key " + k + " is invalid or used twice");
					}
				});
		}
		steps.stream().flatMap(s -> Stream.concat(Stream.ofNullable(s.when()),
				Stream.concat(s.fields().stream().map(FieldDefinition::when), s.attachments().stream().map(AttachmentDefinition::when))
					.filter(c -> c != null)))
			.forEach(c -> {
				if (!seen.contains(c.field())) {
					throw new IllegalArgumentException("procedure " + key + ": condition on unknown field " + c.field());
				}
			});
	}

	public DepartmentCode departmentCode() {
		return new DepartmentCode(department);
	}

	/** The steps shown for the given answers, in order. */
	public List<StepDefinition> visibleSteps(Map<String, String> data) {
		return steps.stream().filter(s -> s.when() == null || s.when().holds(data)).toList();
	}

	public Optional<StepDefinition> step(String stepKey) {
		return steps.stream().filter(s -> s.key().equals(stepKey)).findFirst();
	}

	public Optional<FieldDefinition> field(String fieldKey) {
		return steps.stream().flatMap(s -> s.fields().stream()).filter(f -> f.key().equals(fieldKey)).findFirst();
	}

	public Optional<AttachmentDefinition> attachment(String attachmentKey) {
		return steps.stream().flatMap(s -> s.attachments().stream()).filter(a -> a.key().equals(attachmentKey)).findFirst();
	}

	/** Whether the field or attachment is asked for with these answers (its step and itself visible). */
	public boolean isAsked(String key, Map<String, String> data) {
		for (StepDefinition step : visibleSteps(data)) {
			for (FieldDefinition f : step.fields()) {
				if (f.key().equals(key)) {
					return f.when() == null || f.when().holds(data);
				}
			}
			for (AttachmentDefinition a : step.attachments()) {
				if (a.key().equals(key)) {
					return a.when() == null || a.when().holds(data);
				}
			}
		}
		return false;
	}

	/** The step a new application opens with. */
	public StepDefinition firstStep() {
		return steps.getFirst();
	}

	/** The step if it is shown for these answers; a step hidden by a condition is as if it did not exist. */
	public Optional<StepDefinition> visibleStep(String stepKey, Map<String, String> data) {
		return visibleSteps(data).stream().filter(s -> s.key().equals(stepKey)).findFirst();
	}

	/** The visible step that asks for the field or attachment, if any. */
	public Optional<StepDefinition> stepAsking(String key, Map<String, String> data) {
		return visibleSteps(data).stream()
			.filter(s -> s.fields().stream().anyMatch(f -> f.key().equals(key))
					|| s.attachments().stream().anyMatch(a -> a.key().equals(key)))
			.findFirst();
	}

	/**
	 * Where a citizen continues a draft: the first visible step that still lacks an answer, or the
	 * last one when all are answered.
	 *
	 * @param missing what is still missing for these answers
	 */
	public StepDefinition resumeStep(Map<String, String> data, List<Violation> missing) {
		List<StepDefinition> visible = visibleSteps(data);
		return visible.stream()
			.filter(step -> missing.stream().anyMatch(v -> step.fields().stream().anyMatch(f -> f.key().equals(v.target()))
					|| step.attachments().stream().anyMatch(a -> a.key().equals(v.target()))))
			.findFirst().orElse(visible.getLast());
	}

	/** The step after the given one for these answers, if any. */
	public Optional<StepDefinition> after(String stepKey, Map<String, String> data) {
		List<StepDefinition> visible = visibleSteps(data);
		for (int i = 0; i < visible.size() - 1; i++) {
			if (visible.get(i).key().equals(stepKey)) {
				return Optional.of(visible.get(i + 1));
			}
		}
		return Optional.empty();
	}

	/** The step before the given one for these answers, if any. */
	public Optional<StepDefinition> before(String stepKey, Map<String, String> data) {
		List<StepDefinition> visible = visibleSteps(data);
		for (int i = 1; i < visible.size(); i++) {
			if (visible.get(i).key().equals(stepKey)) {
				return Optional.of(visible.get(i - 1));
			}
		}
		return Optional.empty();
	}
}
