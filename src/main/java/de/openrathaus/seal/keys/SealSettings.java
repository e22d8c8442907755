// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.seal.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The seal ({@code openrathaus.seal.*}). A municipality without its own key
 * ({@code municipalities.<slug>.pkcs12} or {@code .pkcs11}) gets a demo CA, seal and timestamp
 * certificate generated once into {@code key-directory}: fine for trying things out, never for
 * issuing real decisions.
 *
 * @param keyDirectory where the demo keystores (and their generated passwords) are kept, owner-only
 * @param level {@code LT} (PAdES B-LT: revocation data in the document) or {@code T} (B-T)
 * @param tsaUrl an RFC 3161 timestamp authority; empty: the in-process one under the demo CA
 * @param tsaTimeout connection and answer timeout for the timestamp authority and revocation sources
 * @param checksPerMinute how many verification checks one client may make per minute
 * @param maxUpload the largest PDF the verification page takes
 */
@ConfigurationProperties("openrathaus.seal")
public record SealSettings(@DefaultValue("data/seal") String keyDirectory, @DefaultValue("LT") String level,
		@DefaultValue("") String tsaUrl, @DefaultValue("10s") Duration tsaTimeout, @DefaultValue("20") int checksPerMinute,
		@DefaultValue("10MB") DataSize maxUpload, @Nullable Map<String, Municipality> municipalities) {

	public SealSettings {
		municipalities = municipalities == null ? Map.of() : Map.copyOf(municipalities);
		if (!level.equals("LT") && !level.equals("T")) {
			throw new IllegalArgumentException("openrathaus.seal.level must be LT or T, not " + level);
		}
	}

	public Municipality forMunicipality(String slug) {
		Map<String, Municipality> all = municipalities == null ? Map.of() : municipalities;
		return all.getOrDefault(slug, new Municipality(null, null, List.of()));
	}

	/**
	 * A municipality's own seal key: a PKCS#12 keystore or a PKCS#11 token (HSM), and the CA
	 * certificates (PEM files) its seal certificate chains to, which the check trusts.
	 */
	public record Municipality(@Nullable Pkcs12 pkcs12, @Nullable Pkcs11 pkcs11, @Nullable List<String> trustAnchors) {

		public Municipality {
			trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
		}

		public boolean demo() {
			return pkcs12 == null && pkcs11 == null;
		}
	}

	/** @param alias the key's alias; empty: the keystore's only key */
	public record Pkcs12(String path, String password, @DefaultValue("") String alias) {

		@Override
		public String toString() {
			return "Pkcs12[" + path + "]";
		}
	}

	/**
	 * @param library the token's PKCS#11 library
	 * @param slot the token's slot id, or -1 to choose it by {@code slotListIndex}
	 * @param slotListIndex the token's position in the library's slot list, or -1 to choose it by {@code slot}
	 * @param alias the key's label; empty: the token's only key
	 */
	public record Pkcs11(String library, @DefaultValue("-1") int slot, @DefaultValue("-1") int slotListIndex, String pin,
			@DefaultValue("") String alias) {

		@Override
		public String toString() {
			return "Pkcs11[" + library + ", slot " + slot + ", index " + slotListIndex + "]";
		}
	}
}
