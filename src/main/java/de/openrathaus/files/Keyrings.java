// SPDX-License-Identifier: EUPL-1.2
package de.openrathaus.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import de.openrathaus.tenancy.TenantId;

/**
 * The key-encryption keys of what the platform stores encrypted ({@link Envelope}: the e-file's contents,
 * applications' answers and uploads), one keyring per municipality: a file
 * {@code <directory>/<municipality slug>.keyring} with lines {@code <version> <32 random bytes in Base64>}
 * ({@code #} starts a comment). The highest version encrypts new data; every version in the file
 * still decrypts what it encrypted. A missing keyring is created with version 1, readable by the owner
 * only. To rotate, append a line with the next version (read again when the file changes): the
 * modules' rotation jobs re-wrap every stored data key under the new version, after which the old line
 * may be removed. The keys never leave this class and {@link Envelope} (no accessor prints them).
 */
public final class Keyrings {

	/** Why data cannot be encrypted or decrypted; names the file and what to do, never a key. */
	public static final class Unusable extends RuntimeException {

		Unusable(String message) {
			super(message);
		}
	}

	/** The versions of one municipality's keyring. */
	record KeyRing(Path file, int current, Map<Integer, SecretKey> keys) {

		SecretKey key(int version) {
			SecretKey key = keys.get(version);
			if (key == null) {
				throw new Unusable("Data was encrypted with key version " + version + ", which the keyring " + file
						+ " does not hold. Put that version's line back (from the backup of the keyring).");
			}
			return key;
		}
	}

	/** A keyring as read, with what tells a changed file: its time and size (an appended line changes the size). */
	private record Cached(FileTime modified, long size, KeyRing ring) {
	}

	private final Path directory;
	private final Function<TenantId, String> slugOf;
	private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

	/**
	 * @param directory where the keyrings are
	 * @param slugOf the municipality's slug, which names its keyring
	 */
	public Keyrings(Path directory, Function<TenantId, String> slugOf) {
		this.directory = directory.toAbsolutePath().normalize();
		this.slugOf = slugOf;
	}

	/** The keyring of this municipality, created with version 1 if it has none. */
	KeyRing ring(TenantId tenant) {
		String slug = slugOf.apply(tenant);
		if (!slug.matches("[a-z0-9-]{1,63}")) {
			throw new Unusable("Unexpected municipality slug for a keyring file: " + slug);
		}
		Path file = directory.resolve(slug + ".keyring");
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			FileTime modified = Files.getLastModifiedTime(file);
			long size = Files.size(file);
			Cached cached = cache.get(file);
			if (cached != null && cached.modified().equals(modified) && cached.size() == size) {
				return cached.ring();
			}
			KeyRing ring = read(file);
			cache.put(file, new Cached(modified, size, ring));
			return ring;
		}
		catch (IOException e) {
			throw new Unusable("The keyring " + file + " cannot be read or created: " + e.getClass().getSimpleName());
		}
	}

	private static KeyRing read(Path file) throws IOException {
		Map<Integer, SecretKey> keys = new TreeMap<>();
		int number = 0;
		for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
			number++;
			String text = line.strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			String[] parts = text.split("\\s+");
			byte[] secret;
			int version;
			try {
				version = Integer.parseInt(parts[0]);
				secret = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : new byte[0];
			}
			catch (IllegalArgumentException e) {
				secret = new byte[0];
				version = 0;
			}
			if (version < 1 || secret.length != 32 || keys.containsKey(version)) {
				throw new Unusable("Line " + number + " of the keyring " + file + " is not '<version> <32 bytes in Base64>' with a new version"
						+ " (make a key with: openssl rand -base64 32).");
			}
			keys.put(version, new SecretKeySpec(secret, "AES"));
		}
		if (keys.isEmpty()) {
			throw new Unusable("The keyring " + file + " holds no key.");
		}
		return new KeyRing(file, ((TreeMap<Integer, SecretKey>) keys).lastKey(), Map.copyOf(keys));
	}

	private static void create(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		String text = "# OpenRathaus: keys of this municipality's encrypted data (e-file contents, applications). Back this file up apart\n"
				+ "# from the data; without it the data cannot be read. Rotate by appending '<next version> <openssl rand -base64 32>'.\n"
				+ "1 " + Base64.getEncoder().encodeToString(secret) + "\n";
		Path temporary = Files.createTempFile(file.getParent(), "keyring", ".tmp",
				file.getFileSystem().supportedFileAttributeViews().contains("posix")
						? new java.nio.file.attribute.FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
						: new java.nio.file.attribute.FileAttribute<?>[0]);
		Files.writeString(temporary, text, StandardCharsets.US_ASCII);
		try {
			Files.move(temporary, file); // never over an existing keyring: another node may have made one just now
		}
		catch (FileAlreadyExistsException e) {
			Files.deleteIfExists(temporary);
		}
		catch (IOException e) {
			Files.deleteIfExists(temporary);
			throw new UncheckedIOException(e);
		}
	}
}
