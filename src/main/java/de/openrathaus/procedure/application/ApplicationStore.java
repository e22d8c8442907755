// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.procedure.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.openrathaus.files.Envelope;
import de.openrathaus.files.Sha256;
import de.openrathaus.account.AccountId;
import de.openrathaus.account.DepartmentCode;
import de.openrathaus.account.OrganisationId;
import de.openrathaus.account.TrustLevel;
import de.openrathaus.procedure.ApplicationId;
import de.openrathaus.procedure.FiledContents;
import de.openrathaus.tenancy.TenantContext;
import de.openrathaus.tenancy.TenantId;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage of applications, their attachments and requests for information. State changes are
 * single guarded updates ({@code ... where status = <expected>}), so two concurrent requests can
 * never both move an application: the second one changes nothing and is told so. The tenant is
 * enforced by row-level security, not here.
 */
@Component
public class ApplicationStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
	};
	private static final String COLUMNS = "id, tenant_id, applicant_id, type_key, type_version, department_code, status, data, sealed_data, "
			+ "reference, created_at, updated_at, submitted_at, assignee_id, workflow_instance, organisation_id, submitted_trust_level";

	private final JdbcClient jdbc;
	private final FiledContents filed;
	private final Clock clock;
	private final Envelope envelope;

	ApplicationStore(JdbcClient jdbc, FiledContents filed, Clock clock, Envelope envelope) {
		this.envelope = envelope;
		this.clock = clock;
		this.jdbc = jdbc;
		this.filed = filed;
	}

	public void createDraft(ApplicationId id, AccountId applicant, String typeKey, int typeVersion, DepartmentCode department) {
		createDraft(id, Applicant.personal(applicant), typeKey, typeVersion, department);
	}

	/** A new draft of this person, belonging to the organisation they act for, if any. */
	public void createDraft(ApplicationId id, Applicant applicant, String typeKey, int typeVersion, DepartmentCode department) {
		jdbc.sql("insert into procedure.application(id, applicant_id, organisation_id, type_key, type_version, department_code, status) "
				+ "values (?, ?, ?, ?, ?, ?, 'DRAFT')")
			.params(id.value(), applicant.person().value(), applicant.organisation() == null ? null : applicant.organisation().value(),
					typeKey, typeVersion, department.value()).update();
	}

	public Optional<Application> find(ApplicationId id) {
		return jdbc.sql("select " + COLUMNS + " from procedure.application where id = ?").param(id.value())
			.query(this::application).optional();
	}

	/** The application if it belongs to this applicant; otherwise nothing, exactly as if it did not exist. */
	public Optional<Application> findOwned(ApplicationId id, AccountId applicant) {
		return findOwned(id, Applicant.personal(applicant));
	}

	/** The application if this applicant may see it (see {@link Applicant}); otherwise nothing, exactly as if it did not exist. */
	public Optional<Application> findOwned(ApplicationId id, Applicant applicant) {
		return find(id).filter(a -> a.isOpenTo(applicant));
	}

	public List<Application> listFor(AccountId applicant) {
		return listFor(Applicant.personal(applicant));
	}

	/** The applications this applicant may see: their personal ones, or all of the organisation they act for. */
	public List<Application> listFor(Applicant applicant) {
		Applicant.Scope scope = applicant.scope();
		return jdbc.sql("select " + COLUMNS + " from procedure.application where " + scope.condition() + " order by updated_at desc")
			.param(scope.parameter()).query(this::application).list();
	}

	/** Open cases of the given departments, oldest submission first. */
	public List<Application> openCases(Collection<DepartmentCode> departments, int limit) {
		if (departments.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from procedure.application "
				+ "where department_code = any(?) and status in ('SUBMITTED', 'IN_PROGRESS', 'INFORMATION_REQUESTED') "
				+ "order by submitted_at limit ?")
			.params(departments.stream().map(DepartmentCode::value).toArray(String[]::new), limit)
			.query(this::application).list();
	}

	/** Closed cases (decided or withdrawn) of the given departments, newest first. */
	public List<Application> decidedCases(Collection<DepartmentCode> departments, int limit) {
		if (departments.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from procedure.application "
				+ "where department_code = any(?) and status in ('APPROVED', 'REJECTED', 'WITHDRAWN') "
				+ "order by coalesce(decided_at, updated_at) desc limit ?")
			.params(departments.stream().map(DepartmentCode::value).toArray(String[]::new), limit)
			.query(this::application).list();
	}

	public boolean updateDraft(ApplicationId id, Applicant applicant, Map<String, String> data) {
		Applicant.Scope scope = applicant.scope();
		return jdbc.sql("update procedure.application set data = '{}'::jsonb, sealed_data = ?, updated_at = now() "
				+ "where id = ? and " + scope.condition() + " and status = 'DRAFT'")
			.params(seal(id, data), id.value(), scope.parameter()).update() == 1;
	}

	public boolean deleteDraft(ApplicationId id, Applicant applicant) {
		Applicant.Scope scope = applicant.scope();
		return jdbc.sql("delete from procedure.application where id = ? and " + scope.condition() + " and status = 'DRAFT'")
			.params(id.value(), scope.parameter()).update() == 1;
	}

	/** Moves a draft to SUBMITTED with its final answers; false if it was no longer a draft. */
	public boolean submit(ApplicationId id, AccountId applicant, Map<String, String> data, Instant at) {
		return submit(id, Applicant.personal(applicant), data, TrustLevel.LOW, at);
	}

	/** Moves a draft to SUBMITTED with its final answers and the level of the sign-in it was submitted with; false if it was no longer a draft. */
	public boolean submit(ApplicationId id, Applicant applicant, Map<String, String> data, TrustLevel level, Instant at) {
		Applicant.Scope scope = applicant.scope();
		return jdbc.sql("update procedure.application set status = 'SUBMITTED', data = '{}'::jsonb, sealed_data = ?, submitted_trust_level = ?, "
				+ "submitted_at = ?, updated_at = ? where id = ? and " + scope.condition() + " and status = 'DRAFT'")
			.params(seal(id, data), level.name(), Timestamp.from(at), Timestamp.from(at), id.value(), scope.parameter())
			.update() == 1;
	}

	/** Gives a just submitted application its reference number (in the submitting transaction). */
	public void assignReference(ApplicationId id, String reference) {
		jdbc.sql("update procedure.application set reference = ? where id = ? and reference is null").params(reference, id.value()).update();
	}

	/**
	 * Stores the new state of a {@link Transition} if the application is still in the state the
	 * transition was decided on (status and assignee); returns false, changing nothing, if another
	 * request changed it first.
	 */
	public boolean save(Transition<?> transition) {
		Application before = transition.before();
		Application after = transition.after();
		String sql = "update procedure.application set status = ?, assignee_id = ?, updated_at = now(), "
				+ "decided_at = case when ? then now() else decided_at end "
				+ "where id = ? and status = ? and " + (before.assignee() == null ? "assignee_id is null" : "assignee_id = ?");
		JdbcClient.StatementSpec statement = jdbc.sql(sql).params(after.status().name(),
				after.assignee() == null ? null : after.assignee().value(), after.status().isDecided(), before.id().value(),
				before.status().name());
		if (before.assignee() != null) {
			statement = statement.param(before.assignee().value());
		}
		return statement.update() == 1;
	}

	/** {@link #save}, refusing with the transition's message key when another request changed the application first. */
	public void saveOrRefuse(Transition<?> transition) {
		if (!save(transition)) {
			throw transition.lostRace();
		}
	}

	public void recordWorkflow(ApplicationId id, String instance) {
		jdbc.sql("update procedure.application set workflow_instance = ? where id = ?").params(instance, id.value()).update();
	}

	/** How many applications of a type this applicant has had approved (e.g. dogs already registered). */
	public int countApproved(AccountId applicant, String typeKey) {
		return jdbc.sql("select count(*) from procedure.application where applicant_id = ? and type_key = ? and status = 'APPROVED'")
			.params(applicant.value(), typeKey).query(Integer.class).single();
	}

	// attachments

	public StoredAttachment addAttachment(ApplicationId id, @Nullable UUID exchangeId, NewUpload upload) {
		UUID attachmentId = UUID.randomUUID();
		String sha = Sha256.hex(upload.content());
		Instant now = clock.instant();
		jdbc.sql("insert into procedure.attachment(id, application_id, exchange_id, field_key, filename, media_type, size, sha256, content, uploaded_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(attachmentId, id.value(), exchangeId, upload.fieldKey(), upload.filename(), upload.mediaType(),
					upload.content().length, sha, envelope.seal(TenantContext.require(), attachmentContext(attachmentId), upload.content()),
					Timestamp.from(now))
			.update();
		return new StoredAttachment(attachmentId, exchangeId, upload.fieldKey(), upload.filename(), upload.mediaType(),
				upload.content().length, sha, now);
	}

	public List<StoredAttachment> attachments(ApplicationId id) {
		return jdbc.sql("select id, exchange_id, field_key, filename, media_type, size, sha256, uploaded_at "
				+ "from procedure.attachment where application_id = ? order by uploaded_at, filename")
			.param(id.value())
			.query((rs, row) -> new StoredAttachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
					rs.getTimestamp(8).toInstant()))
			.list();
	}

	/** The attachment's content: its own copy until the e-file holds it, then the e-file's (checked against the hash). */
	public Optional<byte[]> attachmentContent(ApplicationId id, UUID attachmentId) {
		record Stored(byte @Nullable [] content, String sha256) {
		}
		return jdbc.sql("select content, sha256 from procedure.attachment where application_id = ? and id = ?")
			.params(id.value(), attachmentId).query((rs, row) -> new Stored(rs.getBytes(1), rs.getString(2))).optional()
			.flatMap(stored -> stored.content() != null ? Optional.of(opened(attachmentId, stored.content(), stored.sha256()))
					: filed.content(id, stored.sha256()));
	}

	/** The attachment's own copy opened and checked against its hash. */
	private byte[] opened(UUID attachmentId, byte[] stored, String sha256) {
		byte[] content = envelope.open(TenantContext.require(), attachmentContext(attachmentId), stored);
		if (!Sha256.hex(content).equals(sha256)) {
			throw new IllegalStateException("Attachment " + attachmentId + " does not match its hash: it was changed or damaged");
		}
		return content;
	}

	/**
	 * Drops the application's own copies of attachments the e-file now holds (matched by SHA-256);
	 * they are read from the e-file from then on.
	 */
	public void releaseFiled(ApplicationId id, Collection<String> sha256) {
		jdbc.sql("update procedure.attachment set content = null where application_id = ? and sha256 = any(?) and content is not null")
			.params(id.value(), sha256.toArray(String[]::new)).update();
	}

	/**
	 * Removes a submitted application with its answers, attachments and requests for information
	 * (the e-file disposed of its case); false if there was none. Its decision must be removed first.
	 */
	public boolean dispose(ApplicationId id) {
		return jdbc.sql("delete from procedure.application where id = ? and status <> 'DRAFT'").param(id.value()).update() == 1;
	}

	/** Removes an attachment of a draft of this applicant; false if there was none to remove. */
	public boolean removeDraftAttachment(ApplicationId id, Applicant applicant, UUID attachmentId) {
		Applicant.Scope scope = applicant.scope("p");
		return jdbc.sql("delete from procedure.attachment a using procedure.application p "
				+ "where a.id = ? and a.application_id = p.id and p.id = ? and " + scope.condition() + " and p.status = 'DRAFT'")
			.params(attachmentId, id.value(), scope.parameter()).update() == 1;
	}

	/** Removes the form attachments whose question is no longer asked (data minimisation on submission). */
	public void removeAttachmentsExcept(ApplicationId id, Collection<String> keptFieldKeys) {
		jdbc.sql("delete from procedure.attachment where application_id = ? and exchange_id is null and not (field_key = any(?))")
			.params(id.value(), keptFieldKeys.toArray(String[]::new)).update();
	}

	// requests for information

	public UUID addExchange(ApplicationId id, String question, AccountId askedBy, Instant at) {
		UUID exchangeId = UUID.randomUUID();
		jdbc.sql("insert into procedure.exchange(id, application_id, question, asked_by, requested_at) values (?, ?, ?, ?, ?)")
			.params(exchangeId, id.value(), question, askedBy.value(), Timestamp.from(at)).update();
		return exchangeId;
	}

	public boolean answerExchange(ApplicationId id, UUID exchangeId, String answer, Instant at) {
		return jdbc.sql("update procedure.exchange set answer = ?, answered_at = ? "
				+ "where id = ? and application_id = ? and answered_at is null")
			.params(answer, Timestamp.from(at), exchangeId, id.value()).update() == 1;
	}

	public List<StoredExchange> exchanges(ApplicationId id) {
		return jdbc.sql("select id, question, requested_at, answer, answered_at from procedure.exchange "
				+ "where application_id = ? order by requested_at")
			.param(id.value())
			.query((rs, row) -> new StoredExchange(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getString(4), instant(rs.getTimestamp(5))))
			.list();
	}

	/** The answers sealed for this application (ADR 38). */
	private byte[] seal(ApplicationId id, Map<String, String> data) {
		return envelope.seal(TenantContext.require(), answersContext(id.value()), JSON.writeValueAsBytes(data));
	}

	static String answersContext(UUID application) {
		return "application answers " + application;
	}

	static String attachmentContext(UUID attachment) {
		return "application attachment " + attachment;
	}

	private Map<String, String> answers(ResultSet rs) throws SQLException {
		byte[] sealed = rs.getBytes("sealed_data");
		if (sealed == null) {
			return JSON.readValue(rs.getString("data"), DATA); // written before encryption; the rotation job seals it
		}
		TenantId tenant = new TenantId(rs.getObject("tenant_id", UUID.class));
		return JSON.readValue(envelope.open(tenant, answersContext(rs.getObject("id", UUID.class)), sealed), DATA);
	}

	private Application application(ResultSet rs, int row) throws SQLException {
		UUID assignee = rs.getObject("assignee_id", UUID.class);
		UUID organisation = rs.getObject("organisation_id", UUID.class);
		String level = rs.getString("submitted_trust_level");
		return new Application(new ApplicationId(rs.getObject("id", UUID.class)), new TenantId(rs.getObject("tenant_id", UUID.class)),
				new AccountId(rs.getObject("applicant_id", UUID.class)), rs.getString("type_key"), rs.getInt("type_version"),
				new DepartmentCode(rs.getString("department_code")), ApplicationStatus.valueOf(rs.getString("status")),
				answers(rs), rs.getString("reference"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				instant(rs.getTimestamp("submitted_at")), assignee == null ? null : new AccountId(assignee),
				rs.getString("workflow_instance"), organisation == null ? null : new OrganisationId(organisation),
				level == null ? null : TrustLevel.valueOf(level));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
