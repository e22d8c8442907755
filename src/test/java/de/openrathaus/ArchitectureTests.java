// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import de.openrathaus.files.InputText;
import de.openrathaus.files.MediaTypes;
import de.openrathaus.files.Sha256;
import de.openrathaus.tenancy.MunicipalClock;

import org.apache.tika.Tika;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

import architecturefixtures.internal.PublicTypeInInternal;

/**
 * What the code review of 2026-11 found, checked on every build: the shape of the inside of the
 * modules. Module boundaries themselves are {@link ModularityTests}' job (Spring Modulith treats
 * every sub-package of a module as internal, named {@code internal} or not, and refuses access to
 * it from other modules). Each rule is shown to fail on a deliberate violation in
 * {@code src/test/java/architecturefixtures}, outside the application's packages.
 */
class ArchitectureTests {

	static final JavaClasses PRODUCTION = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("de.openrathaus");

	static final JavaClasses FIXTURES = new ClassFileImporter().importPackages("architecturefixtures");

	/** A package named {@code internal} is the module's inside: its types are package-private. */
	static final ArchRule NO_PUBLIC_TYPES_IN_INTERNAL = classes().that().resideInAPackage("..internal..").and().areTopLevelClasses()
		.should().notBePublic()
		.because("a module's internal package is reached only through its top-level API (CONVENTIONS 2)");

	/** A transaction is the use case's business, not the web layer's. */
	static final ArchRule NO_TRANSACTIONAL_CONTROLLERS = methods().that().areDeclaredInClassesThat().areMetaAnnotatedWith(Controller.class)
		.should().notBeAnnotatedWith(Transactional.class)
		.because("a controller calls a use case that owns its transaction");

	static final ArchRule NO_TRANSACTIONAL_CONTROLLER_CLASSES = classes().that().areMetaAnnotatedWith(Controller.class)
		.should().notBeAnnotatedWith(Transactional.class)
		.because("a controller calls a use case that owns its transaction");

	/** The zone is named once; everything else asks the injected {@link Clock}. */
	static final ArchRule NO_ZONE_OUTSIDE_THE_CLOCK = noClasses().that().doNotBelongToAnyOf(MunicipalClock.class)
		.should().callMethod(ZoneId.class, "of", String.class)
		.because("the one Clock bean in MunicipalClock carries Europe/Berlin, so tests can set the time");

	/** "Today" in the server's default zone is another day than Berlin's for an hour or two each night. */
	static final ArchRule NO_TODAY_IN_THE_SERVERS_ZONE = noClasses()
		.should().callMethod(java.time.LocalDate.class, "now").orShould().callMethod(java.time.LocalDateTime.class, "now")
		.orShould().callMethod(java.time.ZonedDateTime.class, "now").orShould().callMethod(java.time.OffsetDateTime.class, "now")
		.because("a date or time of day comes from the injected Clock, which is in Europe/Berlin");

	/** The helpers of issue 10 point 5, each written once. */
	static final ArchRule NO_CLOCK_OF_ITS_OWN = noClasses().that().doNotBelongToAnyOf(MunicipalClock.class)
		.should().callMethod(Clock.class, "systemUTC").orShould().callMethod(Clock.class, "systemDefaultZone")
		.orShould().callMethod(Clock.class, "system", ZoneId.class)
		.because("every module injects the one Clock bean, so tests can set the time");

	static final ArchRule ONE_SHA256 = noClasses().that()
		.doNotBelongToAnyOf(Sha256.class, de.openrathaus.correspondence.demail.DeMailAttestation.class)
		.and().doNotHaveFullyQualifiedName("de.openrathaus.correspondence.bundid.ZbpClient")
		.should().callMethod(MessageDigest.class, "getInstance", String.class)
		.because("content and tokens are hashed by files.Sha256 (checking a De-Mail provider's attestation uses the digest the message names; the BundID mailbox asks for SHA-512)");

	static final ArchRule ONE_NFC = noClasses().that().doNotBelongToAnyOf(InputText.class)
		.should().callMethod(Normalizer.class, "normalize", CharSequence.class, Normalizer.Form.class)
		.because("text input is brought to NFC by files.InputText (and every request parameter by the edge filter)");

	static final ArchRule ONE_MEDIA_TYPE_DETECTOR = noClasses().that().doNotBelongToAnyOf(MediaTypes.class)
		.should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
				com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
						com.tngtech.archunit.base.DescribedPredicate.describe("Tika", owner -> owner.isAssignableTo(Tika.class))))
			.and(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
					com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("detect"))))
		.because("two detectors gave different answers for the same file; files.MediaTypes is the one");

	static final List<ArchRule> RULES = List.of(NO_PUBLIC_TYPES_IN_INTERNAL, NO_TRANSACTIONAL_CONTROLLERS, NO_TRANSACTIONAL_CONTROLLER_CLASSES,
			NO_ZONE_OUTSIDE_THE_CLOCK, NO_TODAY_IN_THE_SERVERS_ZONE, NO_CLOCK_OF_ITS_OWN, ONE_SHA256, ONE_NFC, ONE_MEDIA_TYPE_DETECTOR);

	@Test
	void theApplicationKeepsEveryRule() {
		RULES.forEach(rule -> rule.check(PRODUCTION));
	}

	@Test
	void eachRuleFailsOnADeliberateViolation() {
		Map<ArchRule, String> offender = Map.of(NO_TODAY_IN_THE_SERVERS_ZONE, "architecturefixtures.OwnZone",
				NO_PUBLIC_TYPES_IN_INTERNAL, PublicTypeInInternal.class.getName(),
				NO_TRANSACTIONAL_CONTROLLERS, "architecturefixtures.TransactionalController",
				NO_TRANSACTIONAL_CONTROLLER_CLASSES, "architecturefixtures.TransactionalRestController",
				NO_ZONE_OUTSIDE_THE_CLOCK, "architecturefixtures.OwnZone",
				NO_CLOCK_OF_ITS_OWN, "architecturefixtures.OwnHelpers",
				ONE_SHA256, "architecturefixtures.OwnHelpers",
				ONE_NFC, "architecturefixtures.OwnHelpers",
				ONE_MEDIA_TYPE_DETECTOR, "architecturefixtures.OwnHelpers");
		offender.forEach((rule, type) -> assertThatThrownBy(() -> rule.check(FIXTURES)).as(rule.getDescription())
			.isInstanceOf(AssertionError.class).hasMessageContaining(type));
	}

	// German user-facing text

	/**
	 * Source files whose German string literals are not user-facing text of a page and stay where
	 * they are, each for its reason. Everything else shows German text through the message bundles
	 * ({@code i18n/*.properties} with an English counterpart).
	 */
	static final Map<String, String> GERMAN_LITERALS_ALLOWED = Map.ofEntries(
			Map.entry("records/filing/DemoRecords.java", "demo data: the contents of sample files, not interface text"),
			Map.entry("records/filing/DefaultFilePlan.java", "data: the municipal file plan's German titles, stored as records"),
			Map.entry("account/internal/DemoData.java", "demo data: sample accounts and departments"),
			Map.entry("council/office/DemoCouncil.java", "demo data: the demo council, the seed's motion and its consultations"),
			Map.entry("parking/zones/DemoZones.java", "demo data: the demo municipality's parking zones and street names"),
			Map.entry("parking/zones/StreetAddress.java", "input vocabulary: how people abbreviate \"Straße\" in an address"),
			Map.entry("records/retention/Retention.java", "data: the title a disposed case keeps in the e-file (\"[vernichtet]\")"),
			Map.entry("procedure/application/ApplicationService.java", "the answer field's label as a German/English Text pair, as procedure types define theirs"),
			Map.entry("correspondence/internal/LinkedText.java", "a pattern that recognises German quotation marks, not text"),
			Map.entry("catalogue/internal/Workbooks.java", "a file format: the German column titles of the spreadsheet import and export"),
			Map.entry("catalogue/internal/ProcessField.java", "a file format: German and English column titles, chosen by the spreadsheet's language"),
			Map.entry("catalogue/internal/ProcessValues.java", "input vocabulary: the German words people write in a spreadsheet"),
			Map.entry("catalogue/internal/PlanController.java", "a file format: sheet name and status words of the exported measure plan"),
			Map.entry("catalogue/internal/Scoring.java", "the stored, reproducible basis of a score (German, with a bundle key beside it)"));

	/** German letters or quotation marks, or German words an English sentence does not contain. */
	static final Pattern GERMAN = Pattern.compile("[äöüÄÖÜß„]|\\b(und|nicht|bitte|Bitte|Sie|Ihre?|wurde|werden|der|die|das)\\b");

	@Test
	void germanTextLivesInMessageBundles() {
		assertThat(germanLiterals(Path.of("src/main/java/de/openrathaus"), GERMAN_LITERALS_ALLOWED.keySet())).isEmpty();
	}

	@Test
	void aGermanLiteralInAControllerIsFound(@TempDir Path sources) throws IOException {
		Path controller = Files.createDirectories(sources.resolve("catalogue/internal")).resolve("NewController.java");
		Files.writeString(controller, """
				// the comment may say "für" and "Bürger"
				class NewController {
					/** Javadoc in German is fine: "Fälle". */
					String refused() {
						return "Die Eingabe ist ungültig"; // "ü" in a comment is fine too
					}
					String key() {
						return "catalogue.refused";
					}
				}
				""");
		assertThat(germanLiterals(sources, GERMAN_LITERALS_ALLOWED.keySet())).containsExactly("catalogue/internal/NewController.java: \"Die Eingabe ist ungültig\"");
	}

	/** String literals (text blocks included) with German text, outside comments, as "path: literal". */
	static List<String> germanLiterals(Path root, java.util.Set<String> allowed) {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				String name = root.relativize(file).toString().replace('\\', '/');
				if (allowed.contains(name)) {
					continue;
				}
				for (String literal : literals(Files.readString(file))) {
					if (GERMAN.matcher(literal).find()) {
						found.add(name + ": " + literal);
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return found;
	}

	private static final Pattern TOKENS = Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'",
			Pattern.DOTALL);

	private static List<String> literals(String source) {
		List<String> literals = new ArrayList<>();
		Matcher matcher = TOKENS.matcher(source);
		while (matcher.find()) {
			String token = matcher.group();
			if (token.startsWith("\"")) {
				literals.add(token);
			}
		}
		return literals;
	}
}
